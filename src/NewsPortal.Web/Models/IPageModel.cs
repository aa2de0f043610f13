namespace NewsPortal.Web.Models;

/// <summary>Every page's view model tells the layout its title, description and canonical address.</summary>
public interface IPageModel
{
    PageMeta Meta { get; }
}
