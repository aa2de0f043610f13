using NewsPortal.Core.Text;

namespace NewsPortal.Core.Newsroom;

public class Section
{
    private Section() { }

    public Section(string name, string? slug = null, string? description = null, int position = 0)
    {
        Rename(name, slug);
        Description = description;
        Position = position;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string? Description { get; private set; }
    /// <summary>Order of the section in navigation and on the home page.</summary>
    public int Position { get; private set; }

    public void Rename(string name, string? slug = null)
    {
        name = TextTools.NormaliseLine(name);
        if (name.Length == 0) throw new ArgumentException("A section needs a name.", nameof(name));
        Name = name;
        Slug = Slugs.From(string.IsNullOrWhiteSpace(slug) ? name : slug);
    }

    public void Describe(string? description) => Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    public void MoveToPosition(int position) => Position = position;
}
