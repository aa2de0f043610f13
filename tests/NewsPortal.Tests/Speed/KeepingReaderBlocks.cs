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
}
