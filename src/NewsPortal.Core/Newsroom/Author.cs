using NewsPortal.Core.Text;

namespace NewsPortal.Core.Newsroom;

/// <summary>The public face of a newsroom member: what readers see in bylines and on the author page.</summary>
public class Author
{
    private Author() { }

    public Author(string displayName, string? slug = null, string? bio = null, string? userId = null)
    {
        displayName = TextTools.NormaliseLine(displayName);
        if (displayName.Length == 0) throw new ArgumentException("An author needs a name.", nameof(displayName));
        DisplayName = displayName;
        Slug = Slugs.From(string.IsNullOrWhiteSpace(slug) ? displayName : slug);
        Bio = bio;
        UserId = userId;
    }

    public int Id { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string? Bio { get; private set; }
    public string? UserId { get; private set; }
    public NewsUser? User { get; private set; }

    public void LinkTo(NewsUser user)
    {
        User = user;
        UserId = user.Id;
    }
}
