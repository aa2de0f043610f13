using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Search;

/// <summary>
/// The full-text index of articles (the SQLite FTS5 table ArticleSearch, created by a migration;
/// its rowid holds the article's publication time and id, see <see cref="SearchRowKey"/>; on
/// PostgreSQL a table of tsvectors keyed by the article's id, see <see cref="PostgresSearchSql"/>)
/// and the searches run against it. The index holds folded text,
/// written here rather than by triggers, because the folding and the Markdown-to-text step live in .NET. Whatever changes an article's text or status
/// calls <see cref="IndexAsync"/> after saving; the start-up check catches anything that did not.
/// </summary>
public sealed class SearchIndex(NewsDbContext db, IArticleRenderer renderer, SearchResultCache? cache = null,
    IOptions<SearchOptions>? options = null)
{
    private const int BatchSize = 200;

    /// <summary>How many articles' rows a catch-up changes before it merges the index afterwards.</summary>
    private const int MergeAfterChanges = 200;

    private readonly int _maxRanked = options?.Value.MaxRanked ?? new SearchOptions().MaxRanked;

    /// <summary>
    /// Published and scheduled articles are indexed: a scheduled one becomes visible by the clock
    /// alone, with no save to re-index it. Searches apply the readers' visibility rule themselves.
    /// Both always have a publication time, which the row is keyed by.
    /// </summary>
    public static readonly Expression<Func<Article, bool>> Indexable =
        a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt != null;

    private static readonly Func<Article, bool> IsIndexable = Indexable.Compile();

    /// <summary>
    /// Brings one article's row up to date after it was written, published, scheduled, unpublished
    /// or otherwise changed: its current text goes in if readers can or will see it, else it goes out.
    /// </summary>
    public async Task IndexAsync(Article article, CancellationToken ct = default)
    {
        if (article.Id == 0) throw new InvalidOperationException("Save the article before indexing it.");
        await InTransactionAsync(async () =>
        {
            await DeleteAsync(article.Id, ct);
            if (IsIndexable(article))
            {
                await InsertAsync(new IndexSource(article.Id, article.Headline, article.Dek, article.BodyMarkdown, article.UpdatedAt,
                    article.PublishedAt!.Value), ct);
            }
        }, ct);
        cache?.Clear();
    }

    /// <summary>Takes a deleted article out of the index.</summary>
    public async Task RemoveAsync(int articleId, CancellationToken ct = default)
    {
        await DeleteAsync(articleId, ct);
        cache?.Clear();
    }

    /// <summary>Empties the index and fills it again from the articles table, then merges it (<see cref="MergeAsync"/>).</summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        var count = 0;
        await InTransactionAsync(async () =>
        {
            await db.Database.ExecuteSqlAsync(IsPostgres ? PostgresSearchSql.DeleteAll() : $"DELETE FROM ArticleSearch", ct);
            var lastId = 0;
            while (true)
            {
                var batch = await Sources(db.Articles.Where(a => a.Id > lastId)).ToListAsync(ct);
                if (batch.Count == 0) break;
                foreach (var source in batch) await InsertAsync(source, ct);
                count += batch.Count;
                lastId = batch[^1].Id;
            }
        }, ct);
        await MergeAsync(ct);
        cache?.Clear();
        return count;
    }

    /// <summary>
    /// Re-indexes the articles whose row is missing, older than the article or keyed by another
    /// publication time (after demo content, an import, a restored backup or new folding rules) and
    /// drops rows of articles gone from view. Reports how many articles' rows it changed. After many
    /// (<see cref="MergeAfterChanges"/> or more) the index is merged (<see cref="MergeAsync"/>).
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var wanted = (await db.Articles.AsNoTracking().Where(Indexable)
                .Select(a => new { a.Id, a.UpdatedAt, a.PublishedAt })
                .ToListAsync(ct))
            .ToDictionary(a => RowKeyOf(a.Id, a.PublishedAt!.Value), a => StampOf(a.UpdatedAt));
        var indexed = await db.Database
            .SqlQuery<IndexedRow>(IsPostgres ? PostgresSearchSql.Stamps() : $"SELECT rowid AS Id, Stamp FROM ArticleSearch")
            .ToDictionaryAsync(r => r.Id, r => r.Stamp, ct);

        var outdated = indexed.Where(row => !wanted.TryGetValue(row.Key, out var stamp) || stamp != row.Value)
            .Select(row => row.Key).ToList();
        var missing = wanted.Where(w => !indexed.TryGetValue(w.Key, out var stamp) || stamp != w.Value)
            .Select(w => ArticleIdOf(w.Key)).Order().ToList();
        if (outdated.Count == 0 && missing.Count == 0) return 0;

        await InTransactionAsync(async () =>
        {
            foreach (var key in outdated) await DeleteRowAsync(key, ct);
            foreach (var chunk in missing.Chunk(BatchSize))
            {
                var sources = await Sources(db.Articles.Where(a => chunk.Contains(a.Id))).ToListAsync(ct);
                foreach (var source in sources) await InsertAsync(source, ct);
            }
        }, ct);
        var changed = outdated.Select(ArticleIdOf).Union(missing).Count();
        if (changed >= MergeAfterChanges) await MergeAsync(ct);
        cache?.Clear();
        return changed;
    }

    /// <summary>
    /// One page of the articles readers can see that contain every searched word, most relevant
    /// first; between equally relevant ones, the newer first. Headline matches weigh most, then the
    /// dek, then the body; words found in half the articles or more weigh next to nothing. Only the
    /// newest <see cref="SearchOptions.MaxRanked"/> matches are ranked; when there are more, the
    /// page's total is that number and says it is a floor.
    /// </summary>
    public async Task<Page<SearchResult>> SearchAsync(SearchQuery query, int pageNumber, int pageSize, DateTime nowUtc,
        CancellationToken ct = default)
    {
        var number = Page<SearchResult>.Clamp(pageNumber);
        if (cache?.Find(query, number, pageSize, nowUtc) is { } cached) return cached;

        var ranked = IsPostgres
            ? RankedPage.Of(await RankPostgresAsync(query, nowUtc, ct), number, pageSize)
            : await RankSqliteAsync(query, nowUtc, number, pageSize, ct);
        var page = await ToResultPageAsync(query, ranked, pageSize, nowUtc, ct);
        cache?.Keep(query, number, pageSize, nowUtc, page);
        return page;
    }

    /// <summary>
    /// One page of the visible matches, best first, in one statement. The full-text table gives the
    /// newest matches already out with their scores: a walk down its rowids (<see cref="SearchRowKey"/>:
    /// publication time, then id) from the current second, which stops at the cap and is done once,
    /// kept for the order and the count, with no look-up in the articles table. Only the page's ids
    /// come back, each row with the count; a page past the last gives the last. The page's own read
    /// (<see cref="ToResultPageAsync"/>) applies readers' rule, so a row left behind by an article
    /// since unpublished or deleted, or one due later in the current second, shows nothing.
    /// </summary>
    private async Task<RankedPage> RankSqliteAsync(SearchQuery query, DateTime nowUtc, int number, int pageSize, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<RankedRow>(await CanTellApartAsync(query, nowUtc, ct) ? WeighedSql : UnweighedSql,
            query.ToMatchExpression(), _maxRanked, SearchRowKey.LatestAt(nowUtc), (number - 1) * pageSize, pageSize).ToListAsync(ct);
        if (rows.Count == 0) return new RankedPage([], 0, false, 1);
        var total = rows[0].Hits;
        return new RankedPage(rows.Select(r => r.Id).ToList(), total, total == _maxRanked,
            Math.Min(number, RankedPage.LastPage(total, pageSize)));
    }

    private static readonly string RankedSql = $$"""
        WITH hits AS MATERIALIZED (
            SELECT rowid AS RowKey, {score} AS Score FROM ArticleSearch
            WHERE ArticleSearch MATCH {0} AND rowid <= {2}
            ORDER BY rowid DESC LIMIT {1})
        SELECT RowKey & {{SearchRowKey.IdMask}} AS Id, (SELECT count(*) FROM hits) AS Hits
        FROM hits
        ORDER BY Score, RowKey DESC
        LIMIT {4} OFFSET min({3}, ((SELECT count(*) FROM hits) - 1) / {4} * {4})
        """;

    // Rounded so that scores a hair apart count as equal and the newer article wins.
    private static readonly string WeighedSql = RankedSql.Replace("{score}", "round(bm25(ArticleSearch, 10.0, 4.0, 1.0), 2)");

    private static readonly string UnweighedSql = RankedSql.Replace("{score}", "0.0");

    /// <summary>
    /// Whether bm25 can tell any two matches apart. It weighs a form found in n of the index's N rows
    /// by log((N − n + ½) / (n + ½)), and a form found in half the rows or more by a millionth
    /// instead. When every searched form is that common, every score rounds to zero and the order is
    /// the newest first whatever bm25 says, so its walk through every row that holds each form (most
    /// of a common search's time) is skipped. The counts are kept between searches (<see cref="SearchWordCounts"/>).
    /// </summary>
    private async Task<bool> CanTellApartAsync(SearchQuery query, DateTime nowUtc, CancellationToken ct)
    {
        if (cache?.WordCounts is not { } counts) return true;
        // One short row per indexed article in the engine's own size table; counting the full-text
        // table itself would read every article's text.
        var rows = await counts.GetAsync("", nowUtc, () => CountAsync($"SELECT count(*) AS Value FROM ArticleSearch_docsize", ct));
        foreach (var phrase in query.ToMatchPhrases())
        {
            var holding = await counts.GetAsync(phrase, nowUtc,
                () => CountAsync($"SELECT count(*) AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {phrase}", ct));
            if (2L * holding < rows) return true;
        }
        return false;
    }

    private async Task<int> CountAsync(FormattableString sql, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>(sql).ToListAsync(ct))[0];

    /// <summary>The same two steps on PostgreSQL: the newest matches from the GIN-indexed table, then the readers' rule.</summary>
    private async Task<(List<int> Ranked, bool Capped)> RankPostgresAsync(SearchQuery query, DateTime nowUtc, CancellationToken ct)
    {
        var hits = await db.Database.SqlQuery<SearchHit>(PostgresSearchSql.Hits(query, _maxRanked)).ToListAsync(ct);
        if (hits.Count == 0) return ([], false);
        var ids = hits.Select(h => h.ArticleId).ToList();
        var newestFirst = await db.Articles.AsNoTracking().Published(nowUtc).Where(a => ids.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id)
            .ToListAsync(ct);
        return (Rank(hits, newestFirst), hits.Count == _maxRanked);
    }

    /// <summary>
    /// The visible hits (<paramref name="newestFirst"/>: newer article first, then later id), best
    /// score first; between equal scores in that order.
    /// </summary>
    private static List<int> Rank(List<SearchHit> hits, List<int> newestFirst)
    {
        var scores = hits.ToDictionary(h => h.ArticleId, h => h.Score);
        // A stable sort keeps the order of publication between equal scores.
        return newestFirst.OrderBy(id => scores[id]).ToList();
    }

    /// <summary>The ids of one page of matches, best first, and what the page says about the rest.</summary>
    private sealed record RankedPage(List<int> Ids, int Total, bool Capped, int Number)
    {
        public static int LastPage(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

        /// <summary>The page <paramref name="number"/> of every visible match (the last page when it is past it).</summary>
        public static RankedPage Of((List<int> Ranked, bool Capped) all, int number, int pageSize)
        {
            number = Math.Min(number, LastPage(all.Ranked.Count, pageSize));
            return new RankedPage(all.Ranked.Skip((number - 1) * pageSize).Take(pageSize).ToList(), all.Ranked.Count, all.Capped, number);
        }
    }

    /// <summary>A result's card and the text its snippet is cut from, read together.</summary>
    private sealed record CardAndText(ArticleCard Card, string Markdown);

    private static readonly Expression<Func<Article, CardAndText>> CardAndTextOf = ComposeCardAndText();

    private static Expression<Func<Article, CardAndText>> ComposeCardAndText()
    {
        var article = ArticleQueries.Card.Parameters[0];
        return Expression.Lambda<Func<Article, CardAndText>>(
            Expression.New(typeof(CardAndText).GetConstructors()[0],
                ArticleQueries.Card.Body, Expression.Property(article, nameof(Article.BodyMarkdown))),
            article);
    }

    private async Task<Page<SearchResult>> ToResultPageAsync(SearchQuery query, RankedPage ranked, int pageSize, DateTime nowUtc,
        CancellationToken ct)
    {
        if (ranked.Total == 0) return new Page<SearchResult>([], ranked.Number, pageSize, 0);

        var ids = ranked.Ids;
        var found = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Where(ArticleQueries.VisibleAt(nowUtc))
            .Select(CardAndTextOf)
            .ToDictionaryAsync(c => c.Card.Id, ct);

        var results = ids.Where(found.ContainsKey).Select(id =>
        {
            var (card, markdown) = found[id];
            var text = renderer.ToPlainText(markdown);
            var snippet = Highlighter.Snippet(text, query);
            if (!snippet.HasMatches && card.Dek is { } dek && Highlighter.Mark(dek, query) is { HasMatches: true } inDek)
                snippet = inDek;
            return new SearchResult(card, Highlighter.Mark(card.Headline, query), snippet);
        }).ToList();
        return new Page<SearchResult>(results, ranked.Number, pageSize, ranked.Total) { TotalIsFloor = ranked.Capped };
    }

    private IQueryable<IndexSource> Sources(IQueryable<Article> articles) =>
        articles.AsNoTracking().Where(Indexable).OrderBy(a => a.Id).Take(BatchSize)
            .Select(a => new IndexSource(a.Id, a.Headline, a.Dek, a.BodyMarkdown, a.UpdatedAt, a.PublishedAt!.Value));

    /// <summary>
    /// Merges SQLite's full-text index into one b-tree. Rows written in many transactions leave many
    /// b-trees, each of which a search walks; the engine merges them only in part as it goes. Searched
    /// afresh with 32 connections, the bench database answered 440 searches a second before it was
    /// merged and 552 after (faster in 5 of 7 interleaved pairs). It takes seconds for tens of thousands
    /// of articles, so it is done after bulk work and once a night (<c>SearchIndexUpkeep</c>), not
    /// after each article. PostgreSQL's index needs nothing of the kind: there it does nothing and
    /// reports false.
    /// </summary>
    public async Task<bool> MergeAsync(CancellationToken ct = default)
    {
        if (IsPostgres) return false;
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleSearch (ArticleSearch) VALUES ('optimize')", ct);
        return true;
    }

    /// <summary>
    /// Takes out an article's row, whatever publication time it was keyed by: on SQLite the keys are
    /// found in the engine's size table (one short row per indexed article), not the wide text table.
    /// </summary>
    private Task DeleteAsync(int articleId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(IsPostgres ? PostgresSearchSql.Delete(articleId) : $"""
            DELETE FROM ArticleSearch WHERE rowid IN (
                SELECT id FROM ArticleSearch_docsize WHERE (id & {SearchRowKey.IdMask}) = {articleId})
            """, ct);

    /// <summary>Takes out the row keyed <paramref name="key"/>, as <see cref="CatchUpAsync"/> read it.</summary>
    private Task DeleteRowAsync(long key, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(IsPostgres ? PostgresSearchSql.Delete((int)key) : $"DELETE FROM ArticleSearch WHERE rowid = {key}", ct);

    private long RowKeyOf(int articleId, DateTime publishedAtUtc) => IsPostgres ? articleId : SearchRowKey.Of(articleId, publishedAtUtc);

    private int ArticleIdOf(long key) => IsPostgres ? (int)key : SearchRowKey.ArticleIdOf(key);

    private Task InsertAsync(IndexSource source, CancellationToken ct)
    {
        var headline = ArabicNormalizer.ToIndexText(source.Headline);
        var dek = ArabicNormalizer.ToIndexText(source.Dek);
        var body = ArabicNormalizer.ToIndexText(renderer.ToPlainText(source.BodyMarkdown));
        var stamp = StampOf(source.UpdatedAt);
        if (IsPostgres) return db.Database.ExecuteSqlAsync(PostgresSearchSql.Insert(source.Id, headline, dek, body, stamp), ct);
        return db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch (rowid, Headline, Dek, Body, Stamp) VALUES ({SearchRowKey.Of(source.Id, source.PublishedAt)}, {headline}, {dek}, {body}, {stamp})", ct);
    }

    /// <summary>Identifies the text a row was made from: the article's last change and the folding rules of the day.</summary>
    private static string Stamp(DateTime updatedAtUtc) => $"{ArabicNormalizer.Version}:{updatedAtUtc.Ticks}";

    /// <summary>
    /// PostgreSQL keeps times to the microsecond, so an article just saved (ticks in memory) and the
    /// same article read back must give the same stamp.
    /// </summary>
    private string StampOf(DateTime updatedAtUtc) =>
        Stamp(IsPostgres ? updatedAtUtc.AddTicks(-(updatedAtUtc.Ticks % TimeSpan.TicksPerMicrosecond)) : updatedAtUtc);

    /// <summary>PostgreSQL has its own index table and statements (<see cref="PostgresSearchSql"/>); SQLite's are written inline.</summary>
    private bool IsPostgres => db.Database.IsNpgsql();

    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }
        await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(ct);
        await work();
        await transaction.CommitAsync(ct);
    }

    private sealed record IndexSource(int Id, string Headline, string? Dek, string BodyMarkdown, DateTime UpdatedAt, DateTime PublishedAt);

    /// <summary>A row as the index holds it: its key (on PostgreSQL the article's id) and stamp.</summary>
    private sealed class IndexedRow
    {
        public long Id { get; set; }
        public string? Stamp { get; set; }
    }

    private sealed class RankedRow
    {
        public int Id { get; set; }
        public int Hits { get; set; }
    }

    private sealed class SearchHit
    {
        public int ArticleId { get; set; }
        public double Score { get; set; }
    }
}
