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
}
