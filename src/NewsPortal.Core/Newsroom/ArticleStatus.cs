namespace NewsPortal.Core.Newsroom;

public enum ArticleStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Unpublished = 3,
    /// <summary>Written and handed to an editor; not yet published.</summary>
    InReview = 4,
}
