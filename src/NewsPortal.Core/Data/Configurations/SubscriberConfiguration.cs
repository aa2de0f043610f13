using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsletter;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> subscriber)
    {
        subscriber.Property(s => s.Email).HasMaxLength(SubscriberEmail.MaxLength).IsRequired();
        subscriber.HasIndex(s => s.Email).IsUnique();
        subscriber.Property(s => s.UnsubscribeToken).HasMaxLength(64).IsRequired();
        subscriber.HasIndex(s => s.UnsubscribeToken).IsUnique();
        subscriber.Property(s => s.Status).HasConversion<int>();
        // A sign-up repeated while its confirmation email is going out must not be marked as answered by it.
        subscriber.Property(s => s.RequestedAt).IsConcurrencyToken();
        subscriber.Property(s => s.SourcePage).HasMaxLength(Subscriber.SourcePageMaxLength).IsRequired();
        subscriber.Property(s => s.WordingVersion).HasMaxLength(Subscriber.WordingMaxLength).IsRequired();
        // The dispatcher looks for confirmations still owed; the admin list filters by status.
        subscriber.HasIndex(s => new { s.Status, s.ConfirmationSentAt });
    }
}
