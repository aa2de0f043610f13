namespace NewsPortal.Core.Reading;

/// <summary>What a pager needs to know of a page, whatever the list holds.</summary>
public interface IPageInfo
{
    int Number { get; }
    int TotalPages { get; }
    bool HasPrevious { get; }
    bool HasNext { get; }
}

/// <summary>One page of a list, with what a pager needs to link to its neighbours.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int TotalCount) : IPageInfo
{
    /// <summary>Deep offsets get slow and nobody reads them; lists stop here.</summary>
    public const int MaxNumber = 500;

    /// <summary>
    /// True when the list was cut short and there are more than <see cref="TotalCount"/> items:
    /// counting every match of a common search word costs more than the count is worth.
    /// </summary>
    public bool TotalIsFloor { get; init; }

    public int TotalPages => Math.Min(MaxNumber, Math.Max(1, (TotalCount + Size - 1) / Size));
    public bool HasPrevious => Number > 1;
    public bool HasNext => Number < TotalPages;

    public static int Clamp(int? requested) => Math.Clamp(requested ?? 1, 1, MaxNumber);
}
