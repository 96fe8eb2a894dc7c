using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PressReleases.Core.Hosting;
using PressReleases.Core.Reannouncements;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Core.Ingestion;

/// <summary>
/// Ingests a folder of release files into the store and the index. Files are read, hashed, parsed and
/// rendered on several workers; one writer takes the results in file order and writes the store in
/// batches (one transaction each), then the index. Unchanged files are skipped before any parsing: those
/// not written since they were last read (same length and write time) without even being read, the rest by
/// their hash; a bad file is recorded and skipped; releases whose files left the folder are marked removed.
/// One ingest writes a store at a time (<see cref="IngestLock"/>); each batch tells the nodes that follow the
/// store that it changed (<see cref="StoreChanges"/>).
/// </summary>
/// <param name="index">
/// The index to keep with the store, or null to write the store only: the ingester of a PostgreSQL store,
/// whose web nodes each index the store's changes themselves.
/// </param>
/// <param name="bulkWork">Told while a run is in progress, so the site can make room in memory for it; null on the command line.</param>
public sealed class Ingester(
    IDbContextFactory<PressReleasesDbContext> dbFactory,
    SearchIndex? index,
    ReleaseFileParser parser,
    ReleaseCatalog catalog,
    TimeProvider time,
    ILogger<Ingester> logger,
    IBulkWork? bulkWork = null)
{
    private const int BatchSize = 500;
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    /// <param name="searchableWhileRunning">
    /// Make the releases written so far searchable every couple of seconds (the site, which serves while it
    /// ingests). Each refresh cuts a small index segment that must later be merged, so the command line,
    /// where nobody searches during the run, turns it off: fewer, larger segments, a faster ingest and faster
    /// searches afterwards.
    /// </param>
    public async Task<IngestReport> IngestAsync(string folder, IProgress<IngestProgress>? progress = null, bool searchableWhileRunning = true, CancellationToken cancellationToken = default)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(root))
        {
            throw new IngestFolderNotFoundException(root);
        }

        using var room = bulkWork?.Begin();
        await using var writing = await AcquireIngestLockAsync(cancellationToken);
        using var session = index is null ? null : await index.BeginWriteAsync(cancellationToken);
        return await RunAsync(session, root, progress, searchableWhileRunning, cancellationToken);
    }

    private async Task<IAsyncDisposable> AcquireIngestLockAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await IngestLock.AcquireAsync(db, holder => logger.LogWarning("Waiting: {Holder}", holder), cancellationToken);
    }

    private async Task<IngestReport> RunAsync(
        SearchIndex.WriteSession? session, string root, IProgress<IngestProgress>? progress, bool searchableWhileRunning, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        // Listing the folder and reading what the store holds are independent; on an unchanged folder they are
        // most of the run, so they overlap.
        var listing = Task.Run(() => ReleaseFiles.Enumerate(root), cancellationToken);
        var state = await IngestState.LoadAsync(dbFactory, root, listing, cancellationToken);
        var files = await listing;

        var run = new IngestRun { Folder = root, StartedAt = time.GetUtcNow() };
        bool previousRunCompleted;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var previousStatus = await db.IngestRuns.OrderByDescending(r => r.Id).Select(r => r.Status).FirstOrDefaultAsync(cancellationToken);
            previousRunCompleted = previousStatus == IngestRunStatus.Completed;
            db.IngestRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Ingest {RunId} of {Folder}: {Count} files", run.Id, root, files.Count);
        await using var feeder = session is null ? null : new IndexFeeder(session);
        var writer = new IngestBatchWriter(dbFactory, session, feeder, state, run.Id, time);
        try
        {
            var lastRefresh = Stopwatch.StartNew();
            var done = 0;
            await foreach (var outcome in ExamineInOrderAsync(files, state, cancellationToken))
            {
                writer.Accept(outcome);
                if (writer.PendingCount >= BatchSize)
                {
                    await writer.FlushAsync(cancellationToken);
                    catalog.Invalidate();
                    if (session is not null && searchableWhileRunning && lastRefresh.Elapsed > RefreshInterval)
                    {
                        // Let searches see the releases written so far while the ingest goes on.
                        session.Refresh();
                        lastRefresh.Restart();
                    }
                }

                done++;
                if (done % 1000 == 0)
                {
                    progress?.Report(new IngestProgress(done, files.Count));
                }
            }

            await writer.FlushAsync(cancellationToken);

            // Every release written so far reaches the index writer before any removal is applied to it.
            if (feeder is not null)
            {
                await feeder.CompleteAsync();
            }

            await writer.MarkRemovedAsync(files.Count, cancellationToken);

            // The rest is the index's and the store's, independent of each other: on a first ingest each takes
            // seconds, mostly on one thread, so they run side by side. The run is finished, and fails, with both.
            // WhenAll waits for both even when one fails, so the index writer is never still at work when the run
            // is recorded and the session disposed. Each side still reaches a consistent state on its own: the store
            // commits its transactions, the index its commit or nothing (caught up from the store at next start).
            // The index is committed as the indexing threads wrote it (one large segment each on a first ingest),
            // which the site merges afterwards (IndexSynchronizer.MergeIfSplitAsync).
            var indexing = session is null ? Task.CompletedTask : Task.Run(() => session.Commit(state.ChangeSeq), CancellationToken.None);
            await Task.WhenAll(indexing, RefreshDerivedAsync(previousRunCompleted, writer.Counts, cancellationToken));
            catalog.Invalidate();
            progress?.Report(new IngestProgress(files.Count, files.Count));

            var counts = writer.Counts;
            await FinishRunAsync(run.Id, IngestRunStatus.Completed, null, files.Count, counts, CancellationToken.None);
            stopwatch.Stop();
            logger.LogInformation(
                "Ingest {RunId} done in {Elapsed}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Rejected} rejected",
                run.Id, stopwatch.Elapsed, counts.Added, counts.Updated, counts.Unchanged, counts.Removed, counts.Rejected);
            return new IngestReport(run.Id, root, files.Count, counts.Added, counts.Updated, counts.Unchanged, counts.Removed, counts.Rejected, stopwatch.Elapsed, writer.Problems);
        }
        catch (Exception ex)
        {
            // What was committed stays (the store is consistent batch by batch); the index catches up at next start.
            await FinishRunAsync(run.Id, IngestRunStatus.Failed, ex.Message, files.Count, writer.Counts, CancellationToken.None);
            catalog.Invalidate();
            throw;
        }
    }

    /// <summary>What the store derives from its releases once they are all written: display names and re-announcements.</summary>
    private async Task RefreshDerivedAsync(bool previousRunCompleted, IngestCounts counts, CancellationToken cancellationToken)
    {
        // Display names follow the spellings of current releases: they change only when releases do, or
        // may be behind when the last run stopped before this step.
        if (!previousRunCompleted || counts is not { Added: 0, Updated: 0, Removed: 0 })
        {
            await DisplayNames.RefreshAsync(dbFactory, cancellationToken);
        }

        await new ReannouncementDetector(dbFactory, logger).RefreshAsync(cancellationToken);
    }

    /// <summary>
    /// Examines files on worker threads, yielding the outcomes in file order with bounded read-ahead. The read-ahead
    /// holds a whole batch more than the workers need to keep busy, so they go on examining the next batch while the
    /// writer stores the last one, instead of stopping a few files ahead and waiting for it.
    /// </summary>
    private async IAsyncEnumerable<FileOutcome> ExamineInOrderAsync(
        List<ReleaseFile> files,
        IngestState state,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = Channel.CreateBounded<Task<FileOutcome>>(new BoundedChannelOptions(BatchSize + Environment.ProcessorCount * 16)
        {
            SingleReader = true,
            SingleWriter = true,
        });

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var file in files)
                    {
                        await pending.Writer.WriteAsync(Task.Run(() => Examine(file, state), cancellationToken), cancellationToken);
                    }

                    pending.Writer.Complete();
                }
                catch (Exception ex)
                {
                    pending.Writer.Complete(ex);
                }
            },
            cancellationToken);

        await foreach (var task in pending.Reader.ReadAllAsync(cancellationToken))
        {
            yield return await task;
        }

        await producer;
    }

    private FileOutcome Examine(ReleaseFile file, IngestState state)
    {
        try
        {
            // Taken before reading, so a write during the read leaves a fingerprint that no longer matches.
            var fingerprint = FileFingerprint.Of(new FileInfo(file.FullPath));
            if (state.UnchangedAt(file.RelativePath, fingerprint) is { } untouchedId)
            {
                return new FileOutcome.Unchanged(file, untouchedId, NewFingerprint: null);
            }

            if (fingerprint.Length > IngestLimits.MaxFileBytes)
            {
                return new FileOutcome.Rejected(file, $"the file is {fingerprint.Length / 1024.0 / 1024.0:0.0} MB; the limit is {IngestLimits.MaxFileBytes / 1024 / 1024} MB", null);
            }

            var bytes = File.ReadAllBytes(file.FullPath);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var recorded = fingerprint.ToRecord(time.GetUtcNow());
            if (state.UnchangedAt(file.RelativePath, hash) is { } unchangedId)
            {
                var stored = state.AtPath(file.RelativePath)?.Fingerprint;
                return new FileOutcome.Unchanged(file, unchangedId, recorded == stored ? null : recorded);
            }

            var release = parser.Parse(bytes);
            // Signed here, where the text is and on every worker, rather than read back and signed at the end of the run.
            return new FileOutcome.Parsed(file, hash, recorded, release, TextSignature.Of(release.BodyText));
        }
        catch (ReleaseFileException ex)
        {
            return new FileOutcome.Rejected(file, ex.Message, ex.Line);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome.Rejected(file, $"the file cannot be read: {ex.Message}", null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser bug must not stop the ingest: the file is reported and the rest goes on.
            logger.LogError(ex, "Unexpected failure parsing {File}", file.RelativePath);
            return new FileOutcome.Rejected(file, $"unexpected error while reading the file: {ex.GetType().Name}: {ex.Message}", null);
        }
    }

    private async Task FinishRunAsync(int runId, string status, string? failure, int filesSeen, IngestCounts counts, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var run = await db.IngestRuns.SingleAsync(r => r.Id == runId, cancellationToken);
            run.Status = status;
            run.FailureMessage = failure;
            run.FinishedAt = time.GetUtcNow();
            run.FilesSeen = filesSeen;
            run.Added = counts.Added;
            run.Updated = counts.Updated;
            run.Unchanged = counts.Unchanged;
            run.Removed = counts.Removed;
            run.Rejected = counts.Rejected;
            await db.SaveChangesAsync(cancellationToken);

            // The run's end is a change too: display names are settled by now.
            await StoreChanges.NotifyAsync(db, 0, cancellationToken);
        }
        catch (Exception ex) when (status == IngestRunStatus.Failed)
        {
            logger.LogWarning(ex, "Could not record the failure of ingest run {RunId}", runId);
        }
    }
}
