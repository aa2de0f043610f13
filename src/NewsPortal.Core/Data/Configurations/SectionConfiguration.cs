using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.Property(s => s.Name).HasMaxLength(100).IsRequired();
        section.Property(s => s.Slug).HasMaxLength(100).IsRequired();
        section.Property(s => s.Description).HasMaxLength(500);
        section.HasIndex(s => s.Slug).IsUnique();
    }
}
