namespace NewsPortal.Migrations.Sqlite;

/// <summary>
/// The full-text index of articles, which EF Core's model cannot describe. Its rows are written by
/// the application (NewsPortal.Core.Search.SearchIndex), which folds Arabic spelling before the text
/// gets here; the table only splits it at spaces. A row's rowid holds the article's publication
/// time and id (see <see cref="KeyRowsByPublication"/>); Stamp records which version of the article
/// and of the folding rules a row was made from.
/// </summary>
public static class SearchIndexSql
{
    public const string Create = """
        CREATE VIRTUAL TABLE IF NOT EXISTS "ArticleSearch" USING fts5(
            "Headline",
            "Dek",
            "Body",
            "Stamp" UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        """;

    public const string Drop = """
        DROP TABLE IF EXISTS "ArticleSearch";
        """;

    /// <summary>
    /// The same table with prefix indexes for words of 4 to 8 letters (FTS5 counts characters, not
    /// bytes). A search word of at least 4 letters also matches longer words that begin with it;
    /// without an index of its exact length, FTS5 gathers and merges the rows of every word with that
    /// beginning on each search, whatever the LIMIT. The rows are copied over as they are, then
    /// merged into one segment, which a search reads faster than the many a bulk copy leaves.
    /// </summary>
    public const string AddPrefixIndexes = """
        CREATE VIRTUAL TABLE "ArticleSearch_new" USING fts5(
            "Headline",
            "Dek",
            "Body",
            "Stamp" UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0',
            prefix = '4 5 6 7 8'
        );
        INSERT INTO "ArticleSearch_new" (rowid, "Headline", "Dek", "Body", "Stamp")
            SELECT rowid, "Headline", "Dek", "Body", "Stamp" FROM "ArticleSearch";
        INSERT INTO "ArticleSearch_new" ("ArticleSearch_new") VALUES ('optimize');
        DROP TABLE "ArticleSearch";
        ALTER TABLE "ArticleSearch_new" RENAME TO "ArticleSearch";
        """;

    /// <summary>Back to the table without prefix indexes, rows and all.</summary>
    public const string RemovePrefixIndexes = """
        CREATE VIRTUAL TABLE "ArticleSearch_old" USING fts5(
            "Headline",
            "Dek",
            "Body",
            "Stamp" UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        INSERT INTO "ArticleSearch_old" (rowid, "Headline", "Dek", "Body", "Stamp")
            SELECT rowid, "Headline", "Dek", "Body", "Stamp" FROM "ArticleSearch";
        DROP TABLE "ArticleSearch";
        ALTER TABLE "ArticleSearch_old" RENAME TO "ArticleSearch";
        """;

    /// <summary>
    /// The rows keyed by publication: rowid = (seconds from 2000-01-01 UTC to the article's
    /// publication, rounded down) × 2³² + the article's id (NewsPortal.Core.Search.SearchRowKey).
    /// Walking the table down its rowids then gives the newest publications first, and a bound on
    /// the rowid leaves out what is not out yet, with no look-up in the articles table. A row of an
    /// article without a publication time is left out (the start-up check indexes it if it should be).
    /// </summary>
    public const string KeyRowsByPublication = """
        CREATE VIRTUAL TABLE "ArticleSearch_new" USING fts5(
            "Headline",
            "Dek",
            "Body",
            "Stamp" UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0',
            prefix = '4 5 6 7 8'
        );
        INSERT INTO "ArticleSearch_new" (rowid, "Headline", "Dek", "Body", "Stamp")
            SELECT (CAST(strftime('%s', a."PublishedAt") AS INTEGER) - 946684800) * 4294967296 + s.rowid,
                   s."Headline", s."Dek", s."Body", s."Stamp"
            FROM "ArticleSearch" AS s JOIN "Articles" AS a ON a."Id" = s.rowid
            WHERE a."PublishedAt" IS NOT NULL;
        INSERT INTO "ArticleSearch_new" ("ArticleSearch_new") VALUES ('optimize');
        DROP TABLE "ArticleSearch";
        ALTER TABLE "ArticleSearch_new" RENAME TO "ArticleSearch";
        """;

    /// <summary>Back to rows keyed by the article's id alone, rows and all.</summary>
    public const string KeyRowsByArticle = """
        CREATE VIRTUAL TABLE "ArticleSearch_old" USING fts5(
            "Headline",
            "Dek",
            "Body",
            "Stamp" UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0',
            prefix = '4 5 6 7 8'
        );
        INSERT INTO "ArticleSearch_old" (rowid, "Headline", "Dek", "Body", "Stamp")
            SELECT rowid & 4294967295, "Headline", "Dek", "Body", "Stamp" FROM "ArticleSearch";
        INSERT INTO "ArticleSearch_old" ("ArticleSearch_old") VALUES ('optimize');
        DROP TABLE "ArticleSearch";
        ALTER TABLE "ArticleSearch_old" RENAME TO "ArticleSearch";
        """;
}
