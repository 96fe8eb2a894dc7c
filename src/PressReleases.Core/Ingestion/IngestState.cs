using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;

namespace PressReleases.Core.Ingestion;

/// <summary>
/// What one ingest knows about the store: identities of stored releases, taken slugs, minister and
/// portfolio ids, and the change sequence. Loaded once, then read by the workers (the path lookup only)
/// and changed by the single writer.
/// </summary>
internal sealed class IngestState
{
    private readonly Dictionary<string, KnownRelease> byPath;
    // Needed only for files that changed or are new, so an unchanged folder never builds them.
    private readonly Lazy<Dictionary<(string Url, DateOnly? Date), List<KnownRelease>>> byUrlAndDate;
    private readonly Lazy<HashSet<string>> filePaths;
    private readonly Lazy<HashSet<string>> slugs;

    private IngestState(string root, IEnumerable<ReleaseFile> files, List<KnownRelease> known, long changeSeq, Dictionary<NameKind, Dictionary<string, int>> nameIds)
    {
        Root = root;
        filePaths = new(() => files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal));
        byPath = known.Where(k => k.SourceRoot == root).ToDictionary(k => k.SourcePath, StringComparer.Ordinal);
        byUrlAndDate = new(() => known.GroupBy(k => (k.SourceUrl, k.Date)).ToDictionary(g => g.Key, g => g.ToList()));
        slugs = new(() => known.Select(k => k.Slug).ToHashSet(StringComparer.Ordinal));
        ChangeSeq = changeSeq;
        NameIds = nameIds;
    }

    public string Root { get; }

    /// <summary>Relative paths of the files in the folder now.</summary>
    public HashSet<string> FilePaths => filePaths.Value;

    public HashSet<string> Slugs => slugs.Value;

    public long ChangeSeq { get; set; }

    /// <summary>Stored ministers' and portfolios' ids by slug.</summary>
    public Dictionary<NameKind, Dictionary<string, int>> NameIds { get; }

    /// <summary>Stored releases some file of this run accounts for (kept, updated, or rejected but kept).</summary>
    public HashSet<int> Seen { get; } = [];

    /// <summary>Stored releases a file of this run has already taken, so two files never share one release.</summary>
    public HashSet<int> Claimed { get; } = [];

    public IEnumerable<KnownRelease> OwnedByRoot => byPath.Values;

    public static async Task<IngestState> LoadAsync(IDbContextFactory<PressReleasesDbContext> dbFactory, string root, Task<List<ReleaseFile>> listing, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = await KnownReleaseReader.ReadAllAsync(db, cancellationToken);
        var changeSeq = await db.Releases.MaxAsync(r => (long?)r.ChangeSeq, cancellationToken) ?? 0;
        var nameIds = new Dictionary<NameKind, Dictionary<string, int>>();
        foreach (var kind in NameKind.All)
        {
            nameIds[kind] = await NameTables.For(kind).IdsBySlugAsync(db, cancellationToken);
        }

        return new IngestState(root, await listing, known, changeSeq, nameIds);
    }

    /// <summary>The stored release this path holds with exactly these bytes, if any. Safe to call from workers.</summary>
    /// <summary>The release stored from this path, if the file has not been written since it was read.</summary>
    public int? UnchangedAt(string relativePath, FileFingerprint fingerprint) =>
        byPath.TryGetValue(relativePath, out var known) && !known.IsRemoved && known.Fingerprint.IsKnown && known.Fingerprint == fingerprint ? known.Id : null;

    /// <summary>The release stored from this path, if its bytes are the same.</summary>
    public int? UnchangedAt(string relativePath, string hash) =>
        byPath.TryGetValue(relativePath, out var known) && !known.IsRemoved && known.ContentHash == hash ? known.Id : null;

    public KnownRelease? AtPath(string relativePath) => byPath.GetValueOrDefault(relativePath);

    /// <summary>
    /// A stored release with the same url and date whose own file is not in this folder any more (a moved
    /// file, or the same release ingested from another folder), and that no file of this run has taken.
    /// </summary>
    public KnownRelease? SameRelease(string url, DateOnly? date)
    {
        if (!byUrlAndDate.Value.TryGetValue((url, date), out var candidates))
        {
            return null;
        }

        return candidates.FirstOrDefault(k => !Claimed.Contains(k.Id) && (k.SourceRoot != Root || !FilePaths.Contains(k.SourcePath)));
    }

    /// <summary>The url's own slug when free, else with the date appended, else numbered: never a taken one.</summary>
    public string AllocateSlug(string baseSlug, DateOnly? date)
    {
        if (Slugs.Add(baseSlug))
        {
            return baseSlug;
        }

        var dated = $"{baseSlug}-{(date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "undated")}";
        if (Slugs.Add(dated))
        {
            return dated;
        }

        for (var n = 2; ; n++)
        {
            var numbered = $"{dated}-{n}";
            if (Slugs.Add(numbered))
            {
                return numbered;
            }
        }
    }
}
