namespace NewsPortal.Core.Search;

/// <summary>
/// The search index's statements on PostgreSQL, where ArticleSearch is a plain table holding one
/// weighted tsvector per article (GIN-indexed; created by the Postgres migrations). The text arrives
/// folded by <see cref="NewsPortal.Core.Text.ArabicNormalizer"/> as on SQLite, and the 'simple'
/// configuration only lower-cases and splits it, so both engines see the same words. Headline,
/// dek and body carry the weights A, B and C, ranked 10 : 4 : 1 like SQLite's bm25 columns.
/// </summary>
internal static class PostgresSearchSql
{
    public static FormattableString DeleteAll() => $"""DELETE FROM "ArticleSearch" """;

    public static FormattableString Delete(int articleId) => $"""DELETE FROM "ArticleSearch" WHERE "ArticleId" = {articleId}""";

    public static FormattableString Stamps() => $"""SELECT "ArticleId"::bigint AS "Id", "Stamp" FROM "ArticleSearch" """;

    public static FormattableString Insert(int articleId, string headline, string dek, string body, string stamp) => $"""
        INSERT INTO "ArticleSearch" ("ArticleId", "Document", "Stamp")
        VALUES ({articleId},
            setweight(to_tsvector('simple', {headline}), 'A')
            || setweight(to_tsvector('simple', {dek}), 'B')
            || setweight(to_tsvector('simple', {body}), 'C'),
            {stamp})
        """;

    /// <summary>
    /// Matching articles with a score where lower is better, as bm25 gives it on SQLite, rounded so
    /// that scores a hair apart count as equal and the newer article wins. ts_rank adds each further
    /// occurrence of a word with less weight (1, 1/4, 1/9 ...), so repetition saturates as in bm25;
    /// no normalisation by length, which would let a short article beat a longer, better match. Only the
    /// newest <paramref name="limit"/> matches are scored, as on SQLite.
    /// </summary>
    public static FormattableString Hits(SearchQuery query, int limit)
    {
        var expression = ToTsQuery(query);
        // The weights array lists D, C, B, A.
        return $$"""
            SELECT "ArticleId", round(-ts_rank('{0, 0.1, 0.4, 1.0}', "Document", to_tsquery('simple', {{expression}}))::numeric, 3)::float8 AS "Score"
            FROM "ArticleSearch"
            WHERE "Document" @@ to_tsquery('simple', {{expression}})
            ORDER BY "ArticleId" DESC
            LIMIT {{limit}}
            """;
    }

    /// <summary>
    /// The tsquery for a reader's words, built like the FTS5 expression: every word must be present in
    /// one of its forms; forms of <see cref="SearchQuery.MinPrefixLength"/> letters or more also match as prefixes.
    /// </summary>
    public static string ToTsQuery(SearchQuery query) => query.Combine(" & ", " | ", form =>
        form.Length >= SearchQuery.MinPrefixLength ? $"{Quote(form)} | {Quote(form)}:*" : Quote(form));

    /// <summary>Forms hold letters and digits only; quoting still keeps any other character from being read as an operator.</summary>
    private static string Quote(string form) => "'" + form.Replace("\\", "\\\\").Replace("'", "''") + "'";
}
