using System.Formats.Tar;
using Lucene.Net.Index;

namespace PressReleases.Core.Search.Indexing;

/// <summary>
/// One commit of the index, held (its files kept from deletion) until disposed: what a serving node gives a new
/// node so it need not analyse every release again. Segment files never change once written, so the commit's files
/// can be read while the writer carries on. Written as a tar of plain file names, the segments file last, so a
/// copy cut short lacks the file that makes it an index (<see cref="IndexSnapshotFolder"/> reads it).
/// </summary>
public sealed class IndexSnapshot : IDisposable
{
    private readonly string folder;
    private Action? release;

    internal IndexSnapshot(string folder, IndexCommit commit, long changeSeq, Action release)
    {
        this.folder = folder;
        this.release = release;
        ChangeSeq = changeSeq;
        StoreIdentity = commit.UserData.TryGetValue(SearchIndex.StoreKey, out var store) ? store : null;
        FileNames = [.. commit.FileNames.Where(name => name != commit.SegmentsFileName).Order(StringComparer.Ordinal), commit.SegmentsFileName];
    }

    /// <summary>The store change sequence the commit reflects.</summary>
    public long ChangeSeq { get; }

    public int SchemaVersion => SearchIndex.SchemaVersion;

    /// <summary>The store the commit was built from (<see cref="SearchIndex.StoreIdentity"/>); null for an index from before stores had one.</summary>
    public string? StoreIdentity { get; }

    /// <summary>The commit's files, the segments file last.</summary>
    public IReadOnlyList<string> FileNames { get; }

    /// <summary>The total size of the commit's files in bytes.</summary>
    public long Length => FileNames.Sum(name => new FileInfo(Path.Combine(folder, name)).Length);

    public async Task WriteTarAsync(Stream output, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(release is null, this);
        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var name in FileNames)
        {
            await using var data = new FileStream(Path.Combine(folder, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data };
            await tar.WriteEntryAsync(entry, cancellationToken);
        }
    }

    /// <summary>Lets the writer delete the commit's files once no later commit uses them.</summary>
    public void Dispose() => Interlocked.Exchange(ref release, null)?.Invoke();
}
