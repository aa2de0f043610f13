namespace NewsPortal.Web.Models;

/// <summary>What the layout needs to know about the page it wraps.</summary>
public sealed record PageMeta(string? Title, string? Description = null, string? CanonicalPath = null);
