using Microsoft.Extensions.Time.Testing;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Text;

namespace NewsPortal.Tests.Newsroom;

public class ArticleVisibility
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private Article NewDraft() => new("مجلس المدينة يقر خطة جديدة للنقل العام", new Section("محليات", "local"), Now);

    [Fact]
    public void ADraftIsHiddenFromReaders()
    {
        var article = NewDraft();
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.False(article.IsVisibleToReadersAt(Now));
    }

    [Fact]
    public void APublishedArticleIsVisibleFromItsPublicationTime()
    {
        var article = NewDraft();
        article.Publish(Now);
        Assert.True(article.IsVisibleToReadersAt(Now));
        Assert.False(article.IsVisibleToReadersAt(Now.AddSeconds(-1)));
        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void AScheduledArticleStaysHiddenUntilItIsPublishedAtItsTime()
    {
        var article = NewDraft();
        var at = Now.AddHours(2);
        article.Schedule(at, Now);
        Assert.False(article.IsVisibleToReadersAt(Now));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.False(article.PublishIfDue(Now));
        Assert.False(article.IsVisibleToReadersAt(Now));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True(article.PublishIfDue(Now));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.True(article.IsVisibleToReadersAt(Now));
        Assert.Equal(at, article.PublishedAt);
    }

    [Fact]
    public void SchedulingInThePastIsRefused()
    {
        var article = NewDraft();
        Assert.Throws<InvalidOperationException>(() => article.Schedule(Now.AddMinutes(-1), Now));
        Assert.Equal(ArticleStatus.Draft, article.Status);
    }

    [Fact]
    public void UnpublishingHidesTheArticleAndRepublishingKeepsItsFirstDate()
    {
        var article = NewDraft();
        article.Publish(Now);
        var first = article.PublishedAt;

        _clock.Advance(TimeSpan.FromDays(1));
        article.Unpublish(Now);
        Assert.False(article.IsVisibleToReadersAt(Now));

        _clock.Advance(TimeSpan.FromDays(1));
        article.Publish(Now);
        Assert.True(article.IsVisibleToReadersAt(Now));
        Assert.Equal(first, article.PublishedAt);
    }

    [Fact]
    public void AnEditWellAfterPublicationIsShownAsAnUpdate()
    {
        var renderer = new MarkdownArticleRenderer();
        var article = NewDraft();
        article.Publish(Now);
        _clock.Advance(TimeSpan.FromMinutes(2));
        article.Write(article.Headline, null, "تصحيح إملائي", renderer, Now);
        Assert.False(article.WasRevisedAfterPublishing);

        _clock.Advance(TimeSpan.FromHours(3));
        article.Write(article.Headline, null, "معلومات جديدة", renderer, Now);
        Assert.True(article.WasRevisedAfterPublishing);
        Assert.Equal(Now, article.RevisedAt);
    }

    [Fact]
    public void TheHeadlineGivesTheSlugAndIsRequired()
    {
        var article = NewDraft();
        Assert.Equal("مجلس-المدينة-يقر-خطة-جديدة-للنقل-العام", article.Slug);
        Assert.Throws<ArgumentException>(() => article.SetHeadline("   "));
        Assert.Throws<ArgumentException>(() => article.SetHeadline(new string('خ', Article.HeadlineMaxLength + 1)));
    }
}
