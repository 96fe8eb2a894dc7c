using System.ComponentModel.DataAnnotations;

namespace PressReleases.Web.Setup;

/// <summary>The <c>PressReleases</c> configuration section.</summary>
public sealed class PressReleasesOptions : IValidatableObject
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

    /// <summary>
    /// The site's public origin (<c>https://press.example.org</c>), when set the one source of every absolute
    /// address the site writes: feeds, sitemaps, canonical and OpenGraph links, citations, exports, OpenSearch.
    /// Unset, those use the request's scheme and host, and only hosts in <c>AllowedHosts</c> get that far.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary><see cref="PublicBaseUrl"/> without a trailing slash, or null when unset.</summary>
    public string? PublicOrigin() =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.Trim()).GetLeftPart(UriPartial.Authority);

    // Resolved on use rather than at binding time so a test host's settings, applied after the environment is
    // read, are the ones that count. Methods, not properties: validation reads every property, and an empty
    // setting must fail as "required", not as GetFullPath's exception.
    public string DataDirectoryPath() => Path.GetFullPath(DataDirectory);

    public string SourceFolderPath() => Path.GetFullPath(SourceFolder);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
        {
            yield break;
        }

        // An origin only: the site serves from the root of its host, so a path here would name pages that do not exist.
        if (!Uri.TryCreate(PublicBaseUrl.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            yield return new ValidationResult(
                $"PressReleases:PublicBaseUrl is '{PublicBaseUrl}'; it must be the site's origin alone, scheme and host (and port), for example https://press.example.org.",
                [nameof(PublicBaseUrl)]);
        }
    }
}
