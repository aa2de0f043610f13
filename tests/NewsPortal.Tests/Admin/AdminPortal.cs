using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Admin;

/// <summary>A portal with a first admin from configuration, a section to write in and small upload limits.</summary>
public class AdminPortal : PortalFactory, IAsyncLifetime
{
    public const string AdminEmail = "chief@newsroom.example";
    public const string AdminPassword = "the managing editor passphrase";

    public AdminPortal() { }

    protected AdminPortal(string databasePath) : base(databasePath) { }

    public Section Section { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
        ["Uploads:MaxBytes"] = "20000",
    };

    public virtual async Task InitializeAsync()
    {
        Section = await new Infrastructure.Newsroom(this).SectionAsync("محليات", $"local-{Guid.NewGuid():N}"[..14]);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
