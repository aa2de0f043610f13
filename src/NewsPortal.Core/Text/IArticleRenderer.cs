namespace NewsPortal.Core.Text;

/// <summary>Turns an article body written in Markdown into what readers get.</summary>
public interface IArticleRenderer
{
    /// <summary>HTML that is safe to put in a page as is.</summary>
    string ToSafeHtml(string markdown);

    string ToPlainText(string markdown);
}
