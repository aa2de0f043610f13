using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class ArticleViewCountConfiguration : IEntityTypeConfiguration<ArticleViewCount>
{
    public const string Table = "ArticleViewCounts";

    public void Configure(EntityTypeBuilder<ArticleViewCount> count)
    {
        count.ToTable(Table);
        // One row per article and hour: the key the counting upsert conflicts on.
        count.HasKey(c => new { c.ArticleId, c.HourStartUtc });
        count.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // "Most read" sums the buckets of a window of hours across all articles.
        count.HasIndex(c => new { c.HourStartUtc, c.ArticleId, c.Count });
    }
}
