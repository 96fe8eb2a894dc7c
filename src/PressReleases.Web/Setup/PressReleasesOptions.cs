using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases</c> configuration section.</summary>
public sealed class PressReleasesOptions
{
    public const string SectionName = "PressReleases";

    /// <summary>
    /// Where the Lucene index lives, and with the SQLite store the store's file too (with PostgreSQL, only this
    /// node's index). Relative paths resolve against the start directory.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The folder of release markdown files ingested at startup. Relative paths resolve against the start directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SourceFolder { get; set; } = "seeds";

    /// <summary>
    /// Console logs as one JSON object per line (<see cref="Setup.JsonLogs"/>). Read from configuration when logging
    /// is set up, before options are bound; bound here too so the setting is one the site is known to take.
    /// </summary>
    public bool JsonLogs { get; set; }

    /// <summary>
    /// Ingest <see cref="SourceFolder"/> once the site is up (unchanged files are skipped cheaply). With
    /// <c>PressReleases:Ingest:Watch</c> on, the site ingests at start whatever this says, then on every change.
    /// </summary>
    public bool IngestOnStartup { get; set; } = true;

    // Resolved on use rather than at binding time so a test host's settings, applied after the environment is
    // read, are the ones that count. Methods, not properties: validation reads every property, and an empty
    // setting must fail as "required", not as GetFullPath's exception.
    public string DataDirectoryPath() => Path.GetFullPath(DataDirectory);

    public string SourceFolderPath() => Path.GetFullPath(SourceFolder);
}
