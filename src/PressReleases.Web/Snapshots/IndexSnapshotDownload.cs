using System.Diagnostics;
using System.Globalization;
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
/// snapshot's. A snapshot of another store (its commit records another <see cref="StoreIdentity"/>) is refused; when
/// the peer's headers already say so (or name another schema, or a change this store lacks), before any of it is
/// copied. Any failure is logged and leaves the index as it was, to be built from the store as without a snapshot.
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
        // The store opens while the peer is asked; its position is needed only once the peer's headers are in.
        var storeReading = storePosition(cancellationToken);
        try
        {
            LogDownloading(from);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CopyTimeout);
            using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            if (await AttemptAsync(from, () => RequestAsync(client, from, timeout.Token), cancellationToken) is not { } response)
            {
                return false;
            }

            using (response)
            {
                // The store's failures are the store's and propagate.
                var store = await storeReading;

                // What the peer says of its snapshot in the headers saves copying one this node would refuse (another
                // store, another schema, ahead of this store); the copy's own commit is checked again below, as a peer of
                // an older build sends no store header and headers are only what the peer says.
                if (Refusal(Announced(response), store) is { } early)
                {
                    LogUnusable(from, early + "; refused from its headers, nothing copied");
                    return false;
                }

                if (await AttemptAsync(from, () => CopyAsync(response, folder, timeout.Token), cancellationToken) is not { } contents)
                {
                    return false;
                }

                if (Refusal(new SnapshotFacts(contents.StoreIdentity, contents.ChangeSeq, SearchIndex.SchemaVersion), store) is { } reason)
                {
                    LogUnusable(from, reason);
                    return false;
                }

                IndexSnapshotFolder.MoveIntoPlace(folder, data.IndexPath);
                LogInstalled(from, contents.Documents, contents.ChangeSeq, contents.Bytes / 1e6, stopwatch.Elapsed.TotalSeconds);
                return true;
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            // A store that failed while the peer was refused or unreachable is reported by the store's own opening.
            _ = storeReading.ContinueWith(reading => reading.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// One step of the copy; whatever makes it fail (the peer down or refusing, a copy cut short, not a tar, not an
    /// index of this schema) is logged as why the snapshot cannot be used, and gives null: the build from the store is
    /// always there. Only the node's own cancellation propagates.
    /// </summary>
    private async Task<T?> AttemptAsync<T>(Uri from, Func<Task<T>> step, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await step();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            LogUnusable(from, Describe(ex));
            return null;
        }
    }

    /// <summary>What a snapshot must agree with this node on: the store it was built from, how far, and the index's schema.</summary>
    private sealed record SnapshotFacts(string? StoreIdentity, long? ChangeSeq, int? SchemaVersion);

    /// <summary>Why a snapshot with these facts cannot serve this node's store, or null when nothing known stands against it.</summary>
    private static string? Refusal(SnapshotFacts snapshot, StorePosition store)
    {
        if (snapshot.SchemaVersion is { } schema && schema != SearchIndex.SchemaVersion)
        {
            return $"it is an index of schema version {schema}, this node's is {SearchIndex.SchemaVersion} (nodes of different builds)";
        }

        if (snapshot.StoreIdentity is { } builtFrom && builtFrom != store.Identity)
        {
            return $"it was built from another store ({builtFrom}; this node's store is {store.Identity}): a node of another site or database";
        }

        if (snapshot.ChangeSeq > store.ChangeSeq)
        {
            return $"it reflects store change {snapshot.ChangeSeq} but the store's latest is {store.ChangeSeq} (a node of another store, or a store restored from a backup)";
        }

        return null;
    }

    /// <summary>The peer's account of its snapshot (<see cref="IndexSnapshotEndpoint"/>'s headers); each part null when it sent none.</summary>
    private static SnapshotFacts Announced(HttpResponseMessage response)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        return new SnapshotFacts(
            Header(IndexSnapshotEndpoint.StoreHeader),
            long.TryParse(Header(IndexSnapshotEndpoint.ChangeSeqHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null,
            int.TryParse(Header(IndexSnapshotEndpoint.SchemaHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var schema) ? schema : null);
    }

    /// <summary>Asks the peer for its snapshot; returns once its headers are in, the body not yet read.</summary>
    private async Task<HttpResponseMessage> RequestAsync(HttpClient client, Uri from, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(from.AbsoluteUri.TrimEnd('/') + IndexSnapshotEndpoint.Path));
        request.Headers.Add(IndexSnapshotEndpoint.KeyHeader, services.GetIndexOptions().SnapshotKey);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw new IndexSnapshotException($"it answered {(int)response.StatusCode} {response.ReasonPhrase}{WhatTheStatusMeans((int)response.StatusCode)}");
            }
        }

        return response;
    }

    private static async Task<IndexSnapshotContents> CopyAsync(HttpResponseMessage response, string folder, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var bytes = await IndexSnapshotFolder.ExtractAsync(body, folder, cancellationToken);
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
