using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsletter;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> issue)
    {
        issue.ToTable("NewsletterIssues");
        issue.Property(i => i.Subject).HasMaxLength(NewsletterIssue.SubjectMaxLength).IsRequired();
        issue.Property(i => i.Intro).HasMaxLength(NewsletterIssue.IntroMaxLength);
        issue.Property(i => i.Status).HasConversion<int>();
        issue.Property(i => i.Selection).HasConversion<int>();
        issue.Property(i => i.CreatedBy).HasMaxLength(256);
        // A short list of ids, read and written whole with the issue: a JSON column, not a join table.
        issue.PrimitiveCollection(i => i.ArticleIds);
        issue.HasIndex(i => new { i.Status, i.ScheduledAt });
    }
}
