using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Newsletter;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Data;

public class NewsDbContext(DbContextOptions<NewsDbContext> options) : IdentityDbContext<NewsUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The keys behind sign-in cookies, antiforgery tokens and confirmation links live with the data,
    /// so they survive a redeployed container and are shared by every instance on the same database.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<NewsletterIssue> NewsletterIssues => Set<NewsletterIssue>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<ArticleViewCount> ArticleViewCounts => Set<ArticleViewCount>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time in the model is UTC; SQLite forgets the kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
