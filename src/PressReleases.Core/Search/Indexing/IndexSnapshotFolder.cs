using System.Formats.Tar;
using System.Globalization;
using Lucene.Net.Index;
using PressReleases.Core.Search.Storage;

namespace PressReleases.Core.Search.Indexing;

/// <summary>What a downloaded snapshot turned out to hold.</summary>
/// <param name="StoreIdentity">The store its commit says it was built from; null from a node older than that record.</param>
public sealed record IndexSnapshotContents(long ChangeSeq, int Documents, long Bytes, string? StoreIdentity);

public sealed class IndexSnapshotException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A new node's side of <see cref="IndexSnapshot"/>: whether its index folder holds an index worth keeping, unpacking
/// a snapshot into a folder beside it, checking it is an index of this schema, and putting it in the index's place.
/// Everything here happens before the node opens its <see cref="SearchIndex"/>, under the same process lock.
/// </summary>
public static class IndexSnapshotFolder
{
    /// <summary>
    /// True when <paramref name="indexPath"/> holds a committed index of this schema, which the node keeps and catches
    /// up rather than replacing. Missing, empty, unreadable or of another schema: false.
    /// </summary>
    public static bool HoldsUsableIndex(string indexPath)
    {
        if (!Directory.Exists(indexPath) || !Directory.EnumerateFileSystemEntries(indexPath).Any())
        {
            return false;
        }

        try
        {
            ReleaseCodec.Register();
            using var directory = new IndexFilesDirectory(indexPath);
            return DirectoryReader.IndexExists(directory) && ReadCommitData(DirectoryReader.ListCommits(directory)[^1].UserData) is not null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lucene reports damage with many exception types; a damaged index is one to replace.
            return false;
        }
    }

    /// <summary>
    /// Unpacks <paramref name="tar"/> into <paramref name="folder"/> (created empty). Only plain files with plain names
    /// are accepted: anything else (a folder, a link, a path) makes the snapshot invalid.
    /// </summary>
    public static async Task<long> ExtractAsync(Stream tar, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var bytes = 0L;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                throw new IndexSnapshotException($"The snapshot holds '{entry.Name}', which is not a plain file.");
            }

            var name = entry.Name;
            if (name.Length == 0 || name is "." or ".." || Path.GetFileName(name) != name || name.Contains('\\') || !seen.Add(name))
            {
                throw new IndexSnapshotException($"The snapshot holds a file named '{name}', which is not a plain file name or is there twice.");
            }

            await using var file = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(file, cancellationToken);
            }

            bytes += file.Length;
        }

        return bytes;
    }

    /// <summary>
    /// Opens the index in <paramref name="folder"/> as searches would (every segment) and reads its last commit: the
    /// schema must be this one, and the commit must say which store change it reflects.
    /// </summary>
    public static IndexSnapshotContents Validate(string folder, long bytes)
    {
        ReleaseCodec.Register();
        try
        {
            using var directory = new IndexFilesDirectory(folder);
            using var reader = DirectoryReader.Open(directory);
            var changeSeq = ReadCommitData(reader.IndexCommit.UserData)
                ?? throw new IndexSnapshotException(
                    $"The snapshot is not an index of schema version {SearchIndex.SchemaVersion} (its commit says schema '{(reader.IndexCommit.UserData.TryGetValue(SearchIndex.SchemaVersionKey, out var schema) ? schema : "none")}').");
            var store = reader.IndexCommit.UserData.TryGetValue(SearchIndex.StoreKey, out var identity) ? identity : null;
            return new IndexSnapshotContents(changeSeq, reader.NumDocs, bytes, store);
        }
        catch (Exception ex) when (ex is not (IndexSnapshotException or OutOfMemoryException))
        {
            throw new IndexSnapshotException($"The snapshot is not a readable index: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Puts the checked snapshot in <paramref name="folder"/> where the index lives, holding the index's process lock so
    /// no other process has the index open meanwhile; whatever was there (an empty, damaged or outdated index) goes.
    /// </summary>
    public static void MoveIntoPlace(string folder, string indexPath)
    {
        using var processLock = SearchIndex.LockProcess(indexPath + ".lock");
        var replaced = indexPath + ".replaced-" + Guid.NewGuid().ToString("N");
        if (Directory.Exists(indexPath))
        {
            Directory.Move(indexPath, replaced);
        }

        Directory.Move(folder, indexPath);
        if (Directory.Exists(replaced))
        {
            Directory.Delete(replaced, recursive: true);
        }
    }

    /// <summary>The change sequence a commit of this schema records; null for a commit of another schema or none.</summary>
    internal static long? ReadCommitData(IDictionary<string, string> data) =>
        data.TryGetValue(SearchIndex.SchemaVersionKey, out var version) && version == SearchIndex.SchemaVersion.ToString(CultureInfo.InvariantCulture)
        && data.TryGetValue(SearchIndex.ChangeSeqKey, out var seqText) && long.TryParse(seqText, CultureInfo.InvariantCulture, out var seq)
            ? seq
            : null;
}
