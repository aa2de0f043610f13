using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Reading;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Reading;

public class RelatedArticles : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal;
    private readonly Infrastructure.Newsroom _newsroom;

    public RelatedArticles(PortalFactory portal)
    {
        _portal = portal;
        _newsroom = new Infrastructure.Newsroom(portal);
    }

    [Fact]
    public async Task AreRankedBySharedTagsThenSectionThenRecency()
    {
        var economy = await _newsroom.SectionAsync("اقتصاد", "rel-economy");
        var sports = await _newsroom.SectionAsync("رياضة", "rel-sports");
        var tags = await _newsroom.TagsAsync("الطاقة", "المياه", "التعليم");
        var (energy, water, education) = (tags[0], tags[1], tags[2]);

        var subject = await _newsroom.PublishedAsync("الخبر الأصلي", economy, 1, tags: [energy, water]);
        var twoTagsOtherSection = await _newsroom.PublishedAsync("وسمان في قسم آخر", sports, 50, tags: [energy, water]);
        var oneTagSameSectionOld = await _newsroom.PublishedAsync("وسم واحد في القسم نفسه قديم", economy, 40, tags: [energy]);
        var oneTagOtherSectionNew = await _newsroom.PublishedAsync("وسم واحد في قسم آخر حديث", sports, 2, tags: [water]);
        var oneTagSameSectionNew = await _newsroom.PublishedAsync("وسم واحد في القسم نفسه حديث", economy, 3, tags: [water, education]);
        var noTagSameSection = await _newsroom.PublishedAsync("بلا وسم في القسم نفسه", economy, 30);
        var nothingShared = await _newsroom.PublishedAsync("لا شيء مشترك", sports, 4, tags: [education]);
        await _newsroom.DraftAsync("مسودة بالوسوم نفسها", economy);

        var ranked = await _newsroom.WithDbAsync(db => db.Articles.AsNoTracking()
            .Published(_newsroom.Now)
            .RelatedTo(subject.Id, economy.Id, [energy.Id, water.Id])
            .Where(a => a.Section.Slug.StartsWith("rel-"))
            .Select(a => a.Id)
            .ToListAsync());

        Assert.Equal(
            [twoTagsOtherSection.Id, oneTagSameSectionNew.Id, oneTagSameSectionOld.Id, oneTagOtherSectionNew.Id, noTagSameSection.Id, nothingShared.Id],
            ranked);
    }
}
