using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases</c> configuration section.</summary>
public sealed class PressReleasesOptions
{
    public const string SectionName = "PressReleases";

    /// <summary>Where the SQLite store and the Lucene index live. Relative paths resolve against the start directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The folder of release markdown files ingested at startup. Relative paths resolve against the start directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SourceFolder { get; set; } = "seeds";

    /// <summary>Ingest <see cref="SourceFolder"/> once the site is up (unchanged files are skipped cheaply).</summary>
    public bool IngestOnStartup { get; set; } = true;

    // Resolved here rather than at binding time so a test host's settings, applied after the
    // environment is read, are the ones that count.
    public string DataDirectoryPath => Path.GetFullPath(DataDirectory);

    public string SourceFolderPath => Path.GetFullPath(SourceFolder);
}
