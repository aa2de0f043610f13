using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>
/// A portal that hands all its mail to a real SMTP server (tests/smtp/server.js) of its own, started
/// before the portal so the portal can be told its port.
/// </summary>
public sealed class NewsletterPortalFixture : PortalFixture
{
    private TestSmtpServer? _smtp;

    public TestSmtpServer Smtp => _smtp ?? throw new InvalidOperationException("The SMTP server has not started.");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(),
        ["Smtp:Security"] = "None",
    };

    public override async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        // The portal first, so its dispatcher is not left talking to a server that went away.
        await base.DisposeAsync();
        if (_smtp is not null) await _smtp.DisposeAsync();
    }
}
