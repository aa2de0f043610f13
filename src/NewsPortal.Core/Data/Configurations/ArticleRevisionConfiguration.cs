using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> revision)
    {
        revision.Property(r => r.Headline).HasMaxLength(Article.HeadlineMaxLength).IsRequired();
        revision.Property(r => r.Dek).HasMaxLength(Article.DekMaxLength);
        revision.Property(r => r.SavedByName).HasMaxLength(256);
        revision.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => new { r.ArticleId, r.SavedAt });
    }
}
