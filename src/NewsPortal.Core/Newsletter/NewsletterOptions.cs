using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.Newsletter;

public sealed class NewsletterOptions
{
    public const string SectionName = "Newsletter";

    [Required, EmailAddress] public string FromAddress { get; set; } = "newsletter@newsportal.local";

    [Required] public string FromName { get; set; } = "نيوز بورتال";

    /// <summary>SMTP connections sending in parallel, each reused for many messages.</summary>
    [Range(1, 32)] public int Connections { get; set; } = 4;

    /// <summary>Deliveries claimed at a time.</summary>
    [Range(1, 5000)] public int BatchSize { get; set; } = 200;

    /// <summary>How long a claimed batch belongs to its dispatcher; after that (a crash) another may take it over.</summary>
    [Range(1, 86400)] public int LeaseSeconds { get; set; } = 300;

    /// <summary>How often the dispatcher looks for due issues and retries when nothing woke it.</summary>
    [Range(1, 3600)] public int PollSeconds { get; set; } = 15;

    /// <summary>How long a confirmation link stays valid.</summary>
    [Range(1, 24 * 30)] public int ConfirmationHours { get; set; } = 72;

    public DkimOptions Dkim { get; set; } = new();
}

/// <summary>DKIM signing is on when all three are set.</summary>
public sealed class DkimOptions
{
    public string? Domain { get; set; }

    public string? Selector { get; set; }

    /// <summary>A PEM file holding the RSA private key whose public half is published at selector._domainkey.domain.</summary>
    public string? PrivateKeyPath { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(Selector) && !string.IsNullOrWhiteSpace(PrivateKeyPath);
}
