using NewsPortal.Core.Text;

namespace NewsPortal.Core.Newsroom;

public class Tag
{
    private Tag() { }

    public Tag(string name)
    {
        name = TextTools.NormaliseLine(name);
        if (name.Length == 0) throw new ArgumentException("A tag needs a name.", nameof(name));
        Name = name;
        Slug = Slugs.From(name);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
}
