using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Infrastructure;

public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>Folder for uploaded images, outside wwwroot; relative paths are relative to the working directory.</summary>
    [Required] public string Directory { get; set; } = "uploads";

    [Range(1024, 50 * 1024 * 1024)] public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    public string FullPath => Path.GetFullPath(Directory);
}
