using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.Property(a => a.DisplayName).HasMaxLength(150).IsRequired();
        author.Property(a => a.Slug).HasMaxLength(150).IsRequired();
        author.Property(a => a.Bio).HasMaxLength(2000);
        author.HasIndex(a => a.Slug).IsUnique();
        author.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
