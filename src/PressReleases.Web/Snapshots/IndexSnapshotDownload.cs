using System.Diagnostics;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Snapshots;

/// <summary>Which store a node has (<see cref="StoreIdentity"/>) and how far it has got: what a snapshot must agree with.</summary>
internal sealed record StorePosition(string Identity, long ChangeSeq);

/// <summary>
/// A new node's copy of another node's index (<see cref="IndexSnapshotEndpoint"/>): downloaded into a folder beside
/// the index, checked (an index of this schema that opens, reflecting no store change the store does not have), then
/// put in the index's place, before the index is opened. The start-up sync then replays the store's changes after the
/// snapshot's. A snapshot of another store (its commit records another <see cref="StoreIdentity"/>) is refused. Any
/// failure is logged and leaves the index as it was, to be built from the store as without a snapshot.
/// </summary>
internal sealed partial class IndexSnapshotDownload(DataDirectory data, IServiceProvider services, ILogger<IndexSnapshotDownload> logger)
{
    private const string FolderPrefix = "index.snapshot-";

    /// <summary>The whole copy, headers to last byte: generous, as the fallback (a build from the store) is always there.</summary>
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Copies the snapshot of <paramref name="from"/> (a node's base address) into place when the index must be built
    /// from nothing (missing, empty, damaged or of another schema) or <paramref name="evenOverAUsableIndex"/>. True when
    /// it did. <paramref name="storePosition"/> reads the store's identity and latest change once the store is open; its failures
    /// are the store's and propagate.
    /// </summary>
    public async Task<bool> TryInstallAsync(Uri from, bool evenOverAUsableIndex, Func<CancellationToken, Task<StorePosition>> storePosition, CancellationToken cancellationToken)
    {
        if (!evenOverAUsableIndex && IndexSnapshotFolder.HoldsUsableIndex(data.IndexPath))
        {
            return false;
        }

        var stopwatch = Stopwatch.StartNew();
        RemoveLeftovers();
        var folder = Path.Combine(data.Root, FolderPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            LogDownloading(from);
            IndexSnapshotContents contents;
            try
            {
                contents = await DownloadAsync(from, folder, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Whatever went wrong (the peer down or refusing, a copy cut short, not a tar, not an index of this
                // schema), the build from the store is always there.
                LogUnusable(from, Describe(ex));
                return false;
            }

            var store = await storePosition(cancellationToken);
            if (contents.StoreIdentity is { } builtFrom && builtFrom != store.Identity)
            {
                LogUnusable(from, $"it was built from another store ({builtFrom}; this node's store is {store.Identity}): a node of another site or database");
                return false;
            }

            if (contents.ChangeSeq > store.ChangeSeq)
            {
                LogUnusable(from, $"it reflects store change {contents.ChangeSeq} but the store's latest is {store.ChangeSeq} (a node of another store, or a store restored from a backup)");
                return false;
            }

            IndexSnapshotFolder.MoveIntoPlace(folder, data.IndexPath);
            LogInstalled(from, contents.Documents, contents.ChangeSeq, contents.Bytes / 1e6, stopwatch.Elapsed.TotalSeconds);
            return true;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<IndexSnapshotContents> DownloadAsync(Uri from, string folder, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CopyTimeout);
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(from.AbsoluteUri.TrimEnd('/') + IndexSnapshotEndpoint.Path));
        request.Headers.Add(IndexSnapshotEndpoint.KeyHeader, services.GetIndexOptions().SnapshotKey);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new IndexSnapshotException($"it answered {(int)response.StatusCode} {response.ReasonPhrase}{WhatTheStatusMeans((int)response.StatusCode)}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var bytes = await IndexSnapshotFolder.ExtractAsync(body, folder, timeout.Token);
        return IndexSnapshotFolder.Validate(folder, bytes);
    }

    private static string WhatTheStatusMeans(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => " (the keys differ: PressReleases:Index:SnapshotKey)",
        StatusCodes.Status404NotFound => " (it serves no snapshot: PressReleases:Index:SnapshotKey is not set there)",
        StatusCodes.Status503ServiceUnavailable => " (its own index is not ready)",
        _ => "",
    };

    private static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => $"the copy took longer than {CopyTimeout.TotalMinutes:0} min",
        IndexSnapshotException => ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>Folders of copies cut short by a crash: never used, only removed.</summary>
    private void RemoveLeftovers()
    {
        foreach (var leftover in Directory.EnumerateDirectories(data.Root, FolderPrefix + "*"))
        {
            Directory.Delete(leftover, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Copying the search index from {Peer}")]
    private partial void LogDownloading(Uri peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied the search index from {Peer}: {Documents} releases at store change {ChangeSeq}, {Megabytes:0} MB in {Seconds:0.0} s; catching up from the store")]
    private partial void LogInstalled(Uri peer, int documents, long changeSeq, double megabytes, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index from {Peer} cannot be used: {Reason}; building the index from the store instead")]
    private partial void LogUnusable(Uri peer, string reason);
}
