using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PressReleases.Core.Store;
using PressReleases.Web.Citations;
using PressReleases.Web.Following;

namespace PressReleases.Web.Caching;

/// <summary>
/// The version of what this node serves, for <see cref="Validators"/>: the store change its index and lists follow
/// (change sequence and latest ended ingest run, as its follower last saw them) and this build of the site, so a
/// deployment that changes the pages changes every tag. Taken from the store, not from the process, so every node
/// on one store gives the same tag for the same content and a restart keeps them.
/// </summary>
public sealed class ServedVersion(FollowerState follower)
{
    private static readonly string Build = typeof(ServedVersion).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    /// <summary>For what depends on the whole store (feeds, sitemaps); null until the follower's first look.</summary>
    public Validators? OfStore() =>
        follower.Seen is { } seen ? new(Tag("store", seen), seen.ChangedAt ?? DateTimeOffset.UnixEpoch) : null;

    /// <summary>
    /// For a release's page, JSON and citations: its own change, and the store's for the parts drawn from elsewhere
    /// (related releases, display names). <paramref name="day"/> is the retrieval date a citation carries, which
    /// changes the response at midnight. Null when the release came from the index (the store is away) or before
    /// the follower's first look.
    /// </summary>
    public Validators? OfRelease(ReleaseDetail release, DateOnly? day = null)
    {
        if (follower.Seen is not { } seen || release.FromSearchIndex || release.UpdatedAt is not { } updated)
        {
            return null;
        }

        var lastModified = Max(updated, seen.ChangedAt ?? updated);
        if (day is { } retrieved)
        {
            lastModified = Max(lastModified, RetrievalDate.Start(retrieved));
        }

        var own = string.Create(CultureInfo.InvariantCulture, $"{release.Slug}/{release.ChangeSeq}/{day:yyyy-MM-dd}");
        return new(Tag(own, seen), lastModified);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Tag(string what, StoreVersion seen)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Build}|{seen.ChangeSeq}|{seen.LastEndedRun}|{what}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 10));
        return $"W/\"{hash}\"";
    }
}
