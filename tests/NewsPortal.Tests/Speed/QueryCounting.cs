using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Core.Reading;

namespace NewsPortal.Tests.Speed;

/// <summary>
/// Counts the SQL commands the portal runs for requests; the portal below serves one request at a
/// time. Background services (the scheduler, the newsletter dispatcher) query on their own timers
/// and are left out: a command counts when it runs inside a request. Statements the portal runs on
/// its kept, prepared connections (outside EF Core) count too, through the metric they report.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor, IDisposable
{
    private MeterListener? _prepared;

    /// <summary>Counts the prepared statements of the portal whose meters <paramref name="meters"/> makes.</summary>
    public void ListenTo(IMeterFactory meters)
    {
        if (_prepared is not null) return;
        _prepared = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == SqliteArticleReads.StatementsRun)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _prepared.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            for (var i = 0; i < value; i++) _tally.CountIfInARequest();
        });
        _prepared.Start();
    }

    public void Dispose() => _prepared?.Dispose();

    private readonly RequestTally _tally = new();

    public int Count => _tally.Count;

    public void Reset() => _tally.Reset();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        _tally.CountIfInARequest();
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        _tally.CountIfInARequest();
        return ValueTask.FromResult(result);
    }
}

/// <summary>A count of events that happen inside a request, whichever request it is.</summary>
public sealed class RequestTally
{
    // The accessor's current request flows with the async context, the same for every instance.
    private static readonly HttpContextAccessor Requests = new();

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void CountIfInARequest()
    {
        if (Requests.HttpContext is not null) Interlocked.Increment(ref _count);
    }
}

/// <summary>Counts the connections EF Core opens for requests.</summary>
public sealed class ConnectionCounter : DbConnectionInterceptor
{
    private readonly RequestTally _tally = new();

    public int Count => _tally.Count;

    public void Reset() => _tally.Reset();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => _tally.CountIfInARequest();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _tally.CountIfInARequest();
        return Task.CompletedTask;
    }
}

public sealed class CountingPortal : PortalFactory
{
    public CommandCounter Commands { get; } = new();

    public ConnectionCounter Connections { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<IInterceptor>(Commands);
            services.AddSingleton<IInterceptor>(Connections);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Commands.Dispose();
    }
}

public class ReaderPagesAskAFixedNumberOfQueries(CountingPortal portal) : IClassFixture<CountingPortal>
{
    private async Task<int> CommandsForAsync(string path, bool freshBlocks = true)
    {
        // Each request has its own address so the output cache cannot answer it.
        var reader = portal.CreateReader();
        // The most-read lists are kept for a minute; count the request that has to load them.
        if (freshBlocks) await portal.Services.GetRequiredService<NewsPortal.Web.Infrastructure.ReaderPages>().ChangedAsync();
        portal.Commands.ListenTo(portal.Services.GetRequiredService<IMeterFactory>());
        portal.Commands.Reset();
        var response = await reader.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return portal.Commands.Count;
    }

    /// <summary>A published article and another of the same section and tag, so it has a related list.</summary>
    private async Task<string> ArticleWithARelatedOneAsync(string sectionSlug, string tag)
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync($"قسم {tag}", sectionSlug);
        var tags = await newsroom.TagsAsync(tag);
        var article = await newsroom.PublishedAsync($"مقال عن {tag}", section, 1, tags: tags);
        await newsroom.PublishedAsync($"مقال قريب عن {tag}", section, 2, tags: tags);
        return $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}";
    }

    [Fact]
    public async Task TheHomeAndArticlePagesDoNotGrowWithTheNumberOfArticles()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var sections = new List<Core.Newsroom.Section>();
        for (var s = 0; s < 3; s++) sections.Add(await newsroom.SectionAsync($"قسم {s}", $"count-{s}", s));
        var tags = await newsroom.TagsAsync("أ", "ب", "ج");
        var author = await newsroom.AuthorAsync("كاتب", "counting-author");
        var first = await newsroom.PublishedAsync("مقال أول", sections[0], 1, authors: [author], tags: tags);
        for (var i = 0; i < 4; i++) await newsroom.PublishedAsync($"مقال {i}", sections[i % 3], 2 + i, authors: [author], tags: [tags[i % 3]]);

        var homeSmall = await CommandsForAsync("/?a=1");
        var articleSmall = await CommandsForAsync($"/articles/{first.Id}/{Uri.EscapeDataString(first.Slug)}?a=1");

        for (var i = 0; i < 30; i++) await newsroom.PublishedAsync($"مقال إضافي {i}", sections[i % 3], 10 + i, authors: [author], tags: [tags[i % 3], tags[(i + 1) % 3]]);
        var homeLarge = await CommandsForAsync("/?a=2");
        var articleLarge = await CommandsForAsync($"/articles/{first.Id}/{Uri.EscapeDataString(first.Slug)}?a=2");

        Assert.Equal(homeSmall, homeLarge);
        Assert.Equal(articleSmall, articleLarge);
        // The home page asks one small indexed query per section: a fixed cost the newsroom sets, not the archive.
        Assert.InRange(homeLarge, 1, 10 + sections.Count);
        // The article, its byline and tags, four indexed lookups for related articles, and the layout's blocks.
        Assert.InRange(articleLarge, 1, 15);
    }

    [Fact]
    public async Task ASearchAsksAsManyQueriesForTwoMatchesAsForTwoPagesOfThem()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("موانئ", "count-ports");
        for (var i = 0; i < 2; i++) await newsroom.PublishedAsync($"حركة المرفأ {i}", section, 1 + i, body: "سفن وحاويات.");
        var path = $"/search?q={Uri.EscapeDataString("المرفأ")}";
        var few = await CommandsForAsync(path + "&a=1");

        for (var i = 0; i < 25; i++) await newsroom.PublishedAsync($"تقرير {i}", section, 10 + i, body: $"وصلت إلى المرفأ سفينة رقم {i}.");
        var many = await CommandsForAsync(path + "&a=2");

        Assert.Equal(few, many);
        // With everything forgotten: the layout's blocks, the counts of the word's rows and of all
        // rows, one statement for the ranked matches, one for the page's cards, one for their texts.
        Assert.InRange(many, 5, 15);
    }

    [Fact]
    public async Task PagesMadeFromKeptBlocksOpenNoDatabaseConnection()
    {
        var articlePath = await ArticleWithARelatedOneAsync("connection-count", "اتصال");
        var reader = portal.CreateReader();

        async Task<int> OpenedForAsync(string path)
        {
            portal.Connections.Reset();
            (await reader.GetAsync(path)).EnsureSuccessStatusCode();
            return portal.Connections.Count;
        }

        await portal.Services.GetRequiredService<NewsPortal.Web.Infrastructure.ReaderPages>().ChangedAsync();
        // Loading the blocks again, each page opens one connection for all its reads.
        Assert.Equal(1, await OpenedForAsync("/?e=1"));
        Assert.InRange(await OpenedForAsync(articlePath + "?e=1"), 1, 2);
        // With them kept: none. The article itself comes from a kept statement on SQLite, from the
        // compiled query (on a connection of its own) elsewhere.
        Assert.Equal(0, await OpenedForAsync("/?e=2"));
        Assert.Equal(TestDatabase.IsPostgres ? 1 : 0, await OpenedForAsync(articlePath + "?e=2"));
        Assert.Equal(0, await OpenedForAsync("/privacy?e=2"));
        // A page that asks the database opens one.
        Assert.Equal(1, await OpenedForAsync("/sections/connection-count?e=2"));
    }

    [Fact]
    public async Task AnArticlesMostReadAndRelatedListsAreAskedForOnceAMinuteNotOnEveryPage()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("قسم القراءة", "most-read-count");
        var article = await newsroom.PublishedAsync("مقال للقراءة", section, 1);
        var path = $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}";

        var loading = await CommandsForAsync(path + "?b=1");
        var kept = await CommandsForAsync(path + "?b=2", freshBlocks: false);
        portal.Clock.Advance(NewsPortal.Web.Infrastructure.ReaderBlocks.Lifetime + TimeSpan.FromSeconds(1));
        var expired = await CommandsForAsync(path + "?b=3", freshBlocks: false);

        // Two most-read lists and at least three reads for the related list.
        Assert.True(kept <= loading - 5, $"{loading} commands loading the page, {kept} with its lists kept");
        Assert.Equal(loading, expired);
    }

    [Fact]
    public async Task AnArticlesRelatedListIsAskedForOnceAMinuteAndAgainAfterAChange()
    {
        var path = await ArticleWithARelatedOneAsync("related-count", "صلة");

        var loading = await CommandsForAsync(path + "?c=1");
        var kept = await CommandsForAsync(path + "?c=2", freshBlocks: false);
        var changed = await CommandsForAsync(path + "?c=3");

        Assert.True(kept <= loading - 3, $"{loading} commands loading the page, {kept} with its related list kept");
        Assert.Equal(loading, changed);
    }

    [Fact]
    public async Task TheFrontPagesStoriesAreAskedForOnceUntilSomethingChanges()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("قسم الواجهة", "front-count");
        await newsroom.PublishedAsync("مقال الواجهة", section, 1);

        var loading = await CommandsForAsync("/?d=1");
        var kept = await CommandsForAsync("/?d=2", freshBlocks: false);
        var changed = await CommandsForAsync("/?d=3");

        Assert.True(kept <= loading - 3, $"{loading} commands loading the front page, {kept} with its stories kept");
        Assert.Equal(loading, changed);
    }
}

/// <summary>
/// The text of every SQL command EF Core runs, queries and writes, in or out of a request (a test
/// that calls the portal's services directly runs outside any request). Background services run
/// commands too, so a test looks for the statements it cares about by their text.
/// </summary>
public sealed class StatementLog : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _statements = new();

    public void Clear() => _statements.Clear();

    /// <summary>The statements run since the last <see cref="Clear"/> whose text contains <paramref name="text"/>.</summary>
    public List<string> Containing(string text) =>
        _statements.Where(s => s.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        _statements.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        _statements.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        _statements.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _statements.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
