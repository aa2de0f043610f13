using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Headline).HasMaxLength(Article.HeadlineMaxLength).IsRequired();
        article.Property(a => a.Dek).HasMaxLength(Article.DekMaxLength);
        article.Property(a => a.Slug).HasMaxLength(200).IsRequired();
        article.Property(a => a.Excerpt).HasMaxLength(Article.ExcerptLength + 8);
        article.Property(a => a.LeadImageUrl).HasMaxLength(500);
        article.Property(a => a.LeadImageAlt).HasMaxLength(300);
        article.Property(a => a.LeadImageCaption).HasMaxLength(500);
        article.Property(a => a.Status).HasConversion<int>();
        article.Property(a => a.OwnerId).HasMaxLength(450);

        article.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);

        article.HasMany(a => a.Tags).WithMany().UsingEntity("ArticleTags",
            r => r.HasOne(typeof(Tag)).WithMany().HasForeignKey("TagId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Article)).WithMany().HasForeignKey("ArticleId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasIndex("TagId", "ArticleId"));
        article.Navigation(a => a.Tags).HasField("_tags");

        article.HasMany(a => a.Authors).WithMany().UsingEntity("ArticleAuthors",
            r => r.HasOne(typeof(Author)).WithMany().HasForeignKey("AuthorId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Article)).WithMany().HasForeignKey("ArticleId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasIndex("AuthorId", "ArticleId"));
        article.Navigation(a => a.Authors).HasField("_authors");

        // The reader-facing lists all filter on status and sort by publication time.
        article.HasIndex(a => new { a.Status, a.PublishedAt });
        article.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt });
        // The ticker on every page asks for the few articles flagged until a later time.
        article.HasIndex(a => a.BreakingUntil);
        // Search asks which of up to a thousand matching ids readers can see, and when each came out:
        // one look-up per id here, instead of the article rows (whose text comes first) or a walk
        // through every published article.
        article.HasIndex(a => new { a.Id, a.Status, a.PublishedAt });
    }
}
