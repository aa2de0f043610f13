using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsletter;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> delivery)
    {
        delivery.ToTable("Deliveries");
        delivery.Property(d => d.Status).HasConversion<int>();
        delivery.Property(d => d.LastError).HasMaxLength(Delivery.ErrorMaxLength);
        delivery.Property(d => d.ClaimedBy).HasMaxLength(Delivery.ClaimedByMaxLength);
        // One row per issue and subscriber, whoever makes it and however often: expanding an issue twice adds nothing.
        delivery.HasIndex(d => new { d.IssueId, d.SubscriberId }).IsUnique();
        // The claim query: the next rows of an issue that are due.
        delivery.HasIndex(d => new { d.IssueId, d.Status, d.NextAttemptAt });
        delivery.HasOne<NewsletterIssue>().WithMany().HasForeignKey(d => d.IssueId).OnDelete(DeleteBehavior.Cascade);
        // Erasing a subscriber erases what was sent to them.
        delivery.HasOne<Subscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}
