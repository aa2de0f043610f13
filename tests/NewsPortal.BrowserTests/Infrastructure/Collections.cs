namespace NewsPortal.BrowserTests.Infrastructure;

// Each collection has a portal of its own, and collections run side by side: the newsroom's stories
// (which wait for the scheduled publisher) do not hold up the readers', and neither sees the other's changes.

[CollectionDefinition(Name)]
public sealed class ReadersCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Readers";
}

[CollectionDefinition(Name)]
public sealed class NewsroomCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Newsroom";
}

/// <summary>The newsletter's story, with a portal that sends through a real SMTP server.</summary>
[CollectionDefinition(Name)]
public sealed class NewsletterCollection : ICollectionFixture<NewsletterPortalFixture>
{
    public const string Name = "Newsletter";
}
