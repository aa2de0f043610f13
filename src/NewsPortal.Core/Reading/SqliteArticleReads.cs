using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Reading;

/// <summary>
/// The reader's article on SQLite: one statement, prepared once per connection and kept.
/// Through EF Core the page asked three statements (the article, its byline, its tags), and SQLite
/// parsed and planned each of them on every request: more than half of the uncached page's time.
/// Microsoft.Data.Sqlite keeps a prepared statement only as long as its command, and EF Core makes
/// a command per query, so the portal keeps a few connections of its own, each with the statement
/// ready, and lends them out one request at a time. A reader on a kept connection sees every commit
/// made before its statement starts, as any other connection in WAL mode does.
/// </summary>
public sealed class SqliteArticleReads : IDisposable
{
    /// <summary>Connections kept between requests; more are opened under load and closed after it.</summary>
    private const int Kept = 8;

    /// <summary>The instrument the statement counts on; the query-count tests listen to it.</summary>
    public const string MeterName = "NewsPortal.Database";
    public const string StatementsRun = "newsportal.database.prepared_statements";

    // The byline and the tags come as JSON arrays in the article's own row, in the page's order
    // (an aggregate's ORDER BY, SQLite 3.44 and later; the bundled library is newer).
    private const string Sql = """
        SELECT a."Id", a."Headline", a."Slug", a."Dek", a."Excerpt", a."BodyHtml",
               a."LeadImageUrl", a."LeadImageAlt", a."LeadImageCaption",
               a."SectionId", s."Name", s."Slug", a."PublishedAt", a."UpdatedAt", a."RevisedAt",
               (SELECT json_group_array(json_array(au."DisplayName", au."Slug") ORDER BY au."DisplayName")
                FROM "ArticleAuthors" AS aa INNER JOIN "Authors" AS au ON au."Id" = aa."AuthorId"
                WHERE aa."ArticleId" = a."Id"),
               (SELECT json_group_array(json_array(t."Id", t."Name", t."Slug") ORDER BY t."Name")
                FROM "ArticleTags" AS at INNER JOIN "Tags" AS t ON t."Id" = at."TagId"
                WHERE at."ArticleId" = a."Id")
        FROM "Articles" AS a
        INNER JOIN "Sections" AS s ON s."Id" = a."SectionId"
        WHERE a."Id" = $id AND a."Status" = $published AND a."PublishedAt" <= $now
        """;

    private readonly string _connectionString;
    private readonly ConcurrentBag<Lane> _idle = [];
    private readonly Counter<long> _statements;
    private volatile bool _disposed;

    public SqliteArticleReads(string connectionString, IMeterFactory meters)
    {
        // Closing must close: these connections live as long as the portal, not in the driver's pool.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _statements = meters.Create(MeterName).CreateCounter<long>(StatementsRun, description: "Statements run on kept, prepared connections");
    }

    /// <summary>The published article <paramref name="id"/> as its page shows it, or null.</summary>
    public ArticlePageRow? ReadPublished(int id, DateTime nowUtc)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lane = _idle.TryTake(out var kept) ? kept : new Lane(_connectionString);
        var healthy = false;
        try
        {
            var row = lane.Read(id, nowUtc);
            _statements.Add(1);
            healthy = true;
            return row;
        }
        finally
        {
            // A connection that failed is not lent again; nor is one past the number kept.
            if (healthy && !_disposed && _idle.Count < Kept)
            {
                _idle.Add(lane);
                // Put back while the portal was stopping: closed with the others.
                if (_disposed) CloseIdle();
            }
            else lane.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var lane)) lane.Dispose();
    }

    /// <summary>One connection with the statement prepared on it.</summary>
    private sealed class Lane : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _id, _now;

        public Lane(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                _command = _connection.CreateCommand();
                _command.CommandText = Sql;
                _id = _command.Parameters.Add("$id", SqliteType.Integer);
                _now = _command.Parameters.Add("$now", SqliteType.Text);
                _command.Parameters.AddWithValue("$published", (int)ArticleStatus.Published);
                _command.Prepare();
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        public ArticlePageRow? Read(int id, DateTime nowUtc)
        {
            _id.Value = id;
            // The text form EF Core writes, so the comparison is the one its queries make.
            _now.Value = nowUtc;
            using var reader = _command.ExecuteReader();
            if (!reader.Read()) return null;
            return new ArticlePageRow(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4), reader.GetString(5),
                Text(reader, 6), Text(reader, 7), Text(reader, 8),
                reader.GetInt32(9), reader.GetString(10), reader.GetString(11),
                Authors(reader.GetString(15)), Tags(reader.GetString(16)),
                reader.IsDBNull(12) ? null : Utc(reader.GetDateTime(12)), Utc(reader.GetDateTime(13)),
                reader.IsDBNull(14) ? null : Utc(reader.GetDateTime(14)));
        }

        private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

        private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);

        private static List<ArticlePageRow.Credit> Authors(string json)
        {
            using var document = JsonDocument.Parse(json);
            var authors = new List<ArticlePageRow.Credit>(document.RootElement.GetArrayLength());
            foreach (var author in document.RootElement.EnumerateArray())
                authors.Add(new ArticlePageRow.Credit(author[0].GetString()!, author[1].GetString()!));
            return authors;
        }

        private static List<ArticlePageRow.TagRow> Tags(string json)
        {
            using var document = JsonDocument.Parse(json);
            var tags = new List<ArticlePageRow.TagRow>(document.RootElement.GetArrayLength());
            foreach (var tag in document.RootElement.EnumerateArray())
                tags.Add(new ArticlePageRow.TagRow(tag[0].GetInt32(), tag[1].GetString()!, tag[2].GetString()!));
            return tags;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
