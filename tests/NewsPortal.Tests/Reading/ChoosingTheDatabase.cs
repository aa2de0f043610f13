using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Reading;

public class ChoosingTheDatabase
{
    private sealed class MisconfiguredPortal(string provider, string? connectionString) : PortalFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?> { ["Database:Provider"] = provider };
                if (connectionString is not null) settings["ConnectionStrings:NewsPortal"] = connectionString;
                return settings;
            }
        }
    }

    [Fact]
    public void AnUnknownProviderStopsThePortalFromStarting()
    {
        using var portal = new MisconfiguredPortal("Oracle", null);
        var failure = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        Assert.Contains("Provider", failure.ToString());
    }

    [Fact]
    public void PostgresWithTheSqliteConnectionStringLeftInPlaceSaysWhatIsMissing()
    {
        using var portal = new MisconfiguredPortal("Postgres", "Data Source=newsportal.db");
        var failure = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        Assert.Contains("not a PostgreSQL connection string", failure.ToString());
    }
}
