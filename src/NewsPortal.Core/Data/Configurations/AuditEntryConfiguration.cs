using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        entry.Property(e => e.Action).HasMaxLength(64).IsRequired();
        entry.Property(e => e.Subject).HasMaxLength(256).IsRequired();
        entry.Property(e => e.Details).HasMaxLength(2000);
        entry.HasIndex(e => e.At);
    }
}
