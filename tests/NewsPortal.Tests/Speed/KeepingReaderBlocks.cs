using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Tests.Speed;

public class KeepingReaderBlocks
{
    [Fact]
    public async Task ACrawlThroughEveryArticleKeepsNoMoreThanTheBound()
    {
        var blocks = new ReaderBlocks(new FakeTimeProvider(), new ReaderGeneration());
        for (var i = 0; i < ReaderBlocks.MaxBlocks + 100; i++)
            await blocks.GetAsync($"related:{i}", () => Task.FromResult("list"));

        Assert.InRange(blocks.Count, 1, ReaderBlocks.MaxBlocks);
    }

    [Fact]
    public async Task ABlockIsLoadedAgainOnceItsMinuteIsOver()
    {
        var clock = new FakeTimeProvider();
        var blocks = new ReaderBlocks(clock, new ReaderGeneration());
        var loads = 0;
        Task<string> Load() => Task.FromResult($"list {++loads}");

        await blocks.GetAsync("related:1", Load);
        await blocks.GetAsync("related:1", Load);
        clock.Advance(ReaderBlocks.Lifetime);
        var after = await blocks.GetAsync("related:1", Load);

        Assert.Equal(2, loads);
        Assert.Equal("list 2", after);
    }

    [Fact]
    public async Task ABlockOfAnEarlierGenerationIsNeverServed()
    {
        var generation = new ReaderGeneration();
        var blocks = new ReaderBlocks(new FakeTimeProvider(), generation);
        var loads = 0;
        Task<string> Load() => Task.FromResult($"list {++loads}");

        await blocks.GetAsync("home", Load);
        await generation.AdvanceAsync();
        var after = await blocks.GetAsync("home", Load);

        Assert.Equal("list 2", after);
    }

    [Fact]
    public async Task ARequestAsksForTheGenerationOnceHoweverManyBlocksItsPageShows()
    {
        var generation = new CountedGeneration();
        var requests = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        var blocks = new ReaderBlocks(new FakeTimeProvider(), generation, requests);

        foreach (var key in new[] { "sections", "breaking", "related:7", "most-read" })
            await blocks.GetAsync(key, () => Task.FromResult(key));
        Assert.Equal(1, generation.Reads);

        requests.HttpContext = new DefaultHttpContext();
        await blocks.GetAsync("sections", () => Task.FromResult("sections"));
        await blocks.GetAsync("breaking", () => Task.FromResult("breaking"));
        Assert.Equal(2, generation.Reads);
    }

    [Fact]
    public async Task TheRequestThatMadeAChangeServesNoBlockOfTheGenerationBefore()
    {
        var generation = new CountedGeneration();
        var requests = new HttpContextAccessor();
        var blocks = new ReaderBlocks(new FakeTimeProvider(), generation, requests);
        var (editor, reader) = (new DefaultHttpContext(), new DefaultHttpContext());

        requests.HttpContext = editor;
        await blocks.GetAsync("sections", () => Task.FromResult("sections"));
        requests.HttpContext = reader;
        await blocks.GetAsync("sections", () => Task.FromResult("sections"));

        requests.HttpContext = editor;
        await generation.AdvanceAsync();
        blocks.Forget();
        // The reader's request, begun before the change, keeps its front page under the old generation.
        requests.HttpContext = reader;
        await blocks.GetAsync("home", () => Task.FromResult("before the change"));

        requests.HttpContext = editor;
        Assert.Equal("after the change", await blocks.GetAsync("home", () => Task.FromResult("after the change")));
    }

    private sealed class CountedGeneration : ReaderGeneration
    {
        public int Reads { get; private set; }

        public override ValueTask<long?> CurrentAsync()
        {
            Reads++;
            return base.CurrentAsync();
        }
    }
}
