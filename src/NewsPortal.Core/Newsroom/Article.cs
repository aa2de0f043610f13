using NewsPortal.Core.Text;

namespace NewsPortal.Core.Newsroom;

public class Article
{
    public const int HeadlineMaxLength = 200;
    public const int DekMaxLength = 400;
    public const int ExcerptLength = 220;

    /// <summary>Breaking news is news of the hour; a longer flag is almost always a mistyped date.</summary>
    public static readonly TimeSpan MaxBreakingDuration = TimeSpan.FromDays(7);

    private readonly List<Tag> _tags = [];
    private readonly List<Author> _authors = [];

    // EF Core materialises through this constructor.
    private Article() { }

    public Article(string headline, Section section, DateTime nowUtc, string? ownerId = null)
    {
        OwnerId = ownerId;
        Section = section;
        SectionId = section.Id;
        CreatedAt = nowUtc;
        UpdatedAt = nowUtc;
        Status = ArticleStatus.Draft;
        SetHeadline(headline);
    }

    public int Id { get; private set; }
    public string Headline { get; private set; } = "";
    public string? Dek { get; private set; }
    public string Slug { get; private set; } = "";
    public string BodyMarkdown { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public string Excerpt { get; private set; } = "";
    public string? LeadImageUrl { get; private set; }
    public string? LeadImageAlt { get; private set; }
    public string? LeadImageCaption { get; private set; }

    public int SectionId { get; private set; }
    public Section Section { get; private set; } = null!;
    public IReadOnlyCollection<Tag> Tags => _tags;
    public IReadOnlyCollection<Author> Authors => _authors;

    /// <summary>The account that started the article; writers may edit only their own.</summary>
    public string? OwnerId { get; private set; }

    public ArticleStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>Last change of any kind, for staff and for cache validators.</summary>
    public DateTime UpdatedAt { get; private set; }
    /// <summary>When readers may see it: the publication time, or the time it is scheduled for.</summary>
    public DateTime? PublishedAt { get; private set; }
    /// <summary>Last change made after publication that readers should be told about.</summary>
    public DateTime? RevisedAt { get; private set; }
    /// <summary>Until when the article is flagged as breaking news; readers see it in the ticker till then.</summary>
    public DateTime? BreakingUntil { get; private set; }

    public void SetHeadline(string headline)
    {
        headline = TextTools.NormaliseLine(headline);
        if (headline.Length == 0) throw new ArgumentException("A headline is required.", nameof(headline));
        if (headline.Length > HeadlineMaxLength) throw new ArgumentException("The headline is too long.", nameof(headline));
        Headline = headline;
        Slug = Slugs.From(headline);
    }

    public void Write(string headline, string? dek, string bodyMarkdown, IArticleRenderer renderer, DateTime nowUtc)
    {
        SetHeadline(headline);
        Dek = string.IsNullOrWhiteSpace(dek) ? null : TextTools.NormaliseLine(dek);
        BodyMarkdown = bodyMarkdown ?? "";
        BodyHtml = renderer.ToSafeHtml(BodyMarkdown);
        Excerpt = TextTools.Excerpt(renderer.ToPlainText(BodyMarkdown), ExcerptLength);
        Touch(nowUtc);
    }

    public void Illustrate(string? imageUrl, string? alt, string? caption)
    {
        LeadImageUrl = string.IsNullOrWhiteSpace(imageUrl) ? null : imageUrl.Trim();
        LeadImageAlt = LeadImageUrl is null || string.IsNullOrWhiteSpace(alt) ? null : alt.Trim();
        LeadImageCaption = LeadImageUrl is null || string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
    }

    public void MoveTo(Section section)
    {
        Section = section;
        SectionId = section.Id;
    }

    public void TagWith(IEnumerable<Tag> tags)
    {
        _tags.Clear();
        _tags.AddRange(tags.DistinctBy(t => t.Slug));
    }

    public void CreditTo(IEnumerable<Author> authors)
    {
        _authors.Clear();
        _authors.AddRange(authors.DistinctBy(a => a.Slug));
    }

    public void Publish(DateTime nowUtc)
    {
        if (Status == ArticleStatus.Published) return;
        // An article that was published before keeps its original date when it comes back.
        PublishedAt = Status == ArticleStatus.Unpublished && PublishedAt is { } earlier && earlier <= nowUtc
            ? earlier
            : nowUtc;
        Status = ArticleStatus.Published;
        Touch(nowUtc);
    }

    public void Schedule(DateTime publishAtUtc, DateTime nowUtc)
    {
        if (publishAtUtc <= nowUtc)
            throw new InvalidOperationException("A scheduled time must lie in the future.");
        if (IsVisibleToReadersAt(nowUtc))
            throw new InvalidOperationException("A published article cannot be scheduled.");
        Status = ArticleStatus.Scheduled;
        PublishedAt = publishAtUtc;
        Touch(nowUtc);
    }

    /// <summary>Publishes a scheduled article whose time has come; reports whether it did.</summary>
    public bool PublishIfDue(DateTime nowUtc)
    {
        if (Status != ArticleStatus.Scheduled || PublishedAt is not { } at || at > nowUtc) return false;
        Status = ArticleStatus.Published;
        // Going out a little after its time is no revision; ScheduledPublication makes the same change in SQL.
        UpdatedAt = nowUtc;
        return true;
    }

    /// <summary>A writer hands a draft to the editors.</summary>
    public void SubmitForReview(DateTime nowUtc)
    {
        if (Status is not (ArticleStatus.Draft or ArticleStatus.Unpublished))
            throw new InvalidOperationException("Only a draft can be submitted for review.");
        Status = ArticleStatus.InReview;
        Touch(nowUtc);
    }

    /// <summary>Still being written or reviewed: its owner may go on changing it.</summary>
    public bool IsInProgress => Status is ArticleStatus.Draft or ArticleStatus.InReview;

    public ArticleRevision Revise(string? savedById, string? savedByName, DateTime nowUtc) =>
        new(this, savedById, savedByName, nowUtc);

    public void Restore(ArticleRevision revision, IArticleRenderer renderer, DateTime nowUtc)
    {
        if (revision.ArticleId != Id) throw new InvalidOperationException("That revision belongs to another article.");
        Write(revision.Headline, revision.Dek, revision.BodyMarkdown, renderer, nowUtc);
    }

    /// <summary>
    /// Flags the article as breaking news until the given time. Not a change of the story, so it
    /// neither counts as a revision readers are told about nor moves the article's dates.
    /// </summary>
    public void MarkBreaking(DateTime untilUtc, DateTime nowUtc)
    {
        if (untilUtc <= nowUtc)
            throw new InvalidOperationException("Breaking news must last until a time in the future.");
        if (untilUtc - nowUtc > MaxBreakingDuration)
            throw new InvalidOperationException("Breaking news cannot last that long.");
        if (!IsVisibleToReadersAt(nowUtc))
            throw new InvalidOperationException("Only a published article can be breaking news.");
        BreakingUntil = untilUtc;
    }

    public void ClearBreaking() => BreakingUntil = null;

    public bool IsBreakingAt(DateTime nowUtc) => BreakingUntil > nowUtc && IsVisibleToReadersAt(nowUtc);

    public void Unpublish(DateTime nowUtc)
    {
        if (Status is not (ArticleStatus.Published or ArticleStatus.Scheduled)) return;
        Status = ArticleStatus.Unpublished;
        // Were it published again, yesterday's flag would put stale news back in the ticker.
        BreakingUntil = null;
        Touch(nowUtc);
    }

    public bool IsVisibleToReadersAt(DateTime nowUtc) =>
        Status == ArticleStatus.Published && PublishedAt is { } at && at <= nowUtc;

    /// <summary>True when the article changed noticeably after it went out.</summary>
    public bool WasRevisedAfterPublishing => IsNoticeableRevision(PublishedAt, RevisedAt);

    /// <summary>Corrections within minutes of publication are part of going out, not an update worth showing.</summary>
    public static bool IsNoticeableRevision(DateTime? publishedAt, DateTime? revisedAt) =>
        revisedAt is { } revised && publishedAt is { } published && revised > published.AddMinutes(5);

    private void Touch(DateTime nowUtc)
    {
        UpdatedAt = nowUtc;
        if (Status == ArticleStatus.Published && PublishedAt is { } published && nowUtc > published)
            RevisedAt = nowUtc;
    }

    /// <summary>Sets publication facts directly; for importing archives and demo content only.</summary>
    public void RecordPublication(DateTime publishedAtUtc, DateTime? revisedAtUtc)
    {
        Status = ArticleStatus.Published;
        PublishedAt = publishedAtUtc;
        RevisedAt = revisedAtUtc;
        CreatedAt = publishedAtUtc;
        UpdatedAt = revisedAtUtc ?? publishedAtUtc;
    }
}
