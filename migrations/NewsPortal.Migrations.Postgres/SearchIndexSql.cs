namespace NewsPortal.Migrations.Postgres;

/// <summary>
/// The full-text index of articles, which EF Core's model does not describe. Its rows are written by
/// the application (NewsPortal.Core.Search.SearchIndex), which folds Arabic spelling in .NET before
/// the text gets here, as on SQLite. Document is the weighted tsvector of headline (A), dek (B) and
/// body (C); Stamp records which version of the article and of the folding rules a row was made from.
/// There is no foreign key, as on SQLite: searches join back to the articles and apply the readers' rule.
/// </summary>
public static class SearchIndexSql
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS "ArticleSearch" (
            "ArticleId" integer PRIMARY KEY,
            "Document" tsvector NOT NULL,
            "Stamp" text
        );
        CREATE INDEX IF NOT EXISTS "IX_ArticleSearch_Document" ON "ArticleSearch" USING GIN ("Document");
        """;

    public const string Drop = """
        DROP TABLE IF EXISTS "ArticleSearch";
        """;
}
