namespace NewsPortal.Core.Newsroom;

/// <summary>The words of an article as they stood after one save.</summary>
public class ArticleRevision
{
    private ArticleRevision() { }

    internal ArticleRevision(Article article, string? savedById, string? savedByName, DateTime savedAtUtc)
    {
        Article = article;
        ArticleId = article.Id;
        Headline = article.Headline;
        Dek = article.Dek;
        BodyMarkdown = article.BodyMarkdown;
        SavedById = savedById;
        SavedByName = savedByName;
        SavedAt = savedAtUtc;
    }

    public int Id { get; private set; }
    public int ArticleId { get; private set; }
    public Article Article { get; private set; } = null!;
    public string Headline { get; private set; } = "";
    public string? Dek { get; private set; }
    public string BodyMarkdown { get; private set; } = "";
    public string? SavedById { get; private set; }
    public string? SavedByName { get; private set; }
    public DateTime SavedAt { get; private set; }
}
