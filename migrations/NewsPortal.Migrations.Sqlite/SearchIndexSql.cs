namespace NewsPortal.Migrations.Sqlite;

/// <summary>
/// The full-text index of articles, which EF Core's model cannot describe. Its rows are written by
/// the application (NewsPortal.Core.Search.SearchIndex), which folds Arabic spelling before the text
/// gets here; the table only splits it at spaces. rowid is the article's id; Stamp records which
/// version of the article and of the folding rules a row was made from.
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
}
