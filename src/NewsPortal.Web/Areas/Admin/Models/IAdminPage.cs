namespace NewsPortal.Web.Areas.Admin.Models;

/// <summary>What the admin layout needs from every page's view model.</summary>
public interface IAdminPage
{
    string Title { get; }
}
