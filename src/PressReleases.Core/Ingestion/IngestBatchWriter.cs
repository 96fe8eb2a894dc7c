using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Reannouncements;
using PressReleases.Core.Releases;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Core.Ingestion;

internal sealed record IngestCounts(int Added, int Updated, int Unchanged, int Removed, int Rejected);

/// <summary>
/// The single writer of an ingest: decides what each examined file means for the store (add, update,
/// unchanged, rejected), and writes the store one batch per transaction before updating the index, so
/// the index never holds what the store does not. Each batch writes its releases' re-announcement signatures
/// (computed by the parse workers) in the same transaction, pending until the detector's look at the end of the run.
/// </summary>
internal sealed class IngestBatchWriter(
    IDbContextFactory<PressReleasesDbContext> dbFactory,
    SearchIndex.WriteSession? session,
    IndexFeeder? feeder,
    IngestState state,
    int runId,
    TimeProvider time)
{
    private readonly List<PendingRelease> pending = [];
    private readonly List<IngestProblem> pendingProblems = [];
    private readonly List<(int ReleaseId, FileFingerprint Fingerprint)> pendingFingerprints = [];
    private readonly List<IngestProblemReport> problems = [];
    private readonly ReleaseRevisions revisions = new();
    private int added;
    private int updated;
    private int unchanged;
    private int removed;
    private int rejected;

    public int PendingCount => pending.Count + pendingProblems.Count + pendingFingerprints.Count;

    public IngestCounts Counts => new(added, updated, unchanged, removed, rejected);

    public IReadOnlyList<IngestProblemReport> Problems => problems;

    public void Accept(FileOutcome outcome)
    {
        switch (outcome)
        {
            case FileOutcome.Unchanged u:
                unchanged++;
                state.Seen.Add(u.ReleaseId);
                state.Claimed.Add(u.ReleaseId);
                if (u.NewFingerprint is { } fingerprint)
                {
                    pendingFingerprints.Add((u.ReleaseId, fingerprint));
                }

                break;

            case FileOutcome.Rejected r:
                rejected++;
                AddProblem(IngestProblemSeverity.Error, r.File.RelativePath, r.Line, r.Message);

                // A file that turned bad keeps its last good release: a broken edit must not lose stored data.
                if (state.AtPath(r.File.RelativePath) is { } kept)
                {
                    state.Seen.Add(kept.Id);
                    state.Claimed.Add(kept.Id);
                }

                break;

            case FileOutcome.Parsed p:
                AcceptParsed(p);
                break;
        }
    }

    private void AcceptParsed(FileOutcome.Parsed parsed)
    {
        var release = parsed.Release;
        foreach (var skipped in release.Warnings)
        {
            AddProblem(IngestProblemSeverity.Warning, parsed.File.RelativePath, skipped.Line, $"'{skipped.Field}' {skipped.Message}; skipped, the release is stored without it");
        }

        foreach (var entry in release.DiscardedMinisterEntries)
        {
            AddProblem(IngestProblemSeverity.Warning, parsed.File.RelativePath, null, $"'ministers' entry is not a person and was left out: \"{entry}\"");
        }

        var existing = state.AtPath(parsed.File.RelativePath);
        if (existing is not null && state.Claimed.Contains(existing.Id))
        {
            existing = null;
        }

        existing ??= state.SameRelease(release.Url, release.Date);
        if (existing is null)
        {
            pending.Add(new PendingRelease(null, state.AllocateSlug(release.BaseSlug, release.Date), parsed));
            return;
        }

        state.Claimed.Add(existing.Id);
        state.Seen.Add(existing.Id);
        var sameBytes = existing.ContentHash == parsed.Hash && !existing.IsRemoved;
        if (sameBytes && existing.SourceRoot == state.Root && existing.SourcePath == parsed.File.RelativePath)
        {
            unchanged++;
            pendingFingerprints.Add((existing.Id, parsed.Fingerprint));
            return;
        }

        // Same bytes under another path or folder (a moved file, or the seeds beside the full corpus): the
        // release now belongs to this file, so its old folder no longer counts it as its own; nothing to
        // re-render or re-index. Otherwise the content changed and the release is updated in place.
        pending.Add(new PendingRelease(existing.Id, existing.Slug, parsed, RelocateOnly: sameBytes));
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (PendingCount == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var newNames = new Dictionary<NameKind, Dictionary<string, int>>();
        foreach (var kind in NameKind.All)
        {
            newNames[kind] = await NameTables.For(kind).InsertNewAsync(db, pending.SelectMany(p => p.Outcome.Release.NamesOf(kind)), state.NameIds[kind], cancellationToken);
        }

        var updateIds = pending.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).ToList();
        var tracked = updateIds.Count == 0
            ? []
            : await db.Releases.Include(r => r.Ministers).Include(r => r.Portfolios).AsSplitQuery()
                .Where(r => updateIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);

        var now = time.GetUtcNow();
        var written = new List<(Release Entity, ParsedRelease Parsed, TextSignature Text)>(pending.Count);
        var fresh = new List<Release>();
        foreach (var item in pending)
        {
            var parsed = item.Outcome.Release;
            Release entity;
            if (item.RelocateOnly)
            {
                entity = tracked[item.ExistingId!.Value];
                entity.SourceRoot = state.Root;
                entity.SourcePath = item.Outcome.File.RelativePath;
                (entity.SourceLength, entity.SourceWriteTicks) = item.Outcome.Fingerprint;
                unchanged++;
                continue;
            }

            if (item.ExistingId is { } id)
            {
                entity = tracked[id];
                await revisions.KeepIfChangedAsync(db, entity, parsed, now, cancellationToken);
                entity.RemovedAt = null;
                updated++;
            }
            else
            {
                entity = new Release
                {
                    Slug = item.Slug,
                    Title = "",
                    SourceUrl = "",
                    SourceRoot = "",
                    SourcePath = "",
                    ContentHash = "",
                    BodyHtml = "",
                    BodyText = "",
                    FirstIngestedAt = now,
                };
                fresh.Add(entity);
                added++;
            }

            entity.Title = parsed.Title;
            entity.Date = parsed.Date;
            entity.SourceUrl = parsed.Url;
            entity.SourceRoot = state.Root;
            entity.SourcePath = item.Outcome.File.RelativePath;
            entity.ContentHash = item.Outcome.Hash;
            (entity.SourceLength, entity.SourceWriteTicks) = item.Outcome.Fingerprint;
            entity.BodyHtml = parsed.BodyHtml;
            entity.BodyText = parsed.BodyText;
            entity.Attachments = [.. parsed.Attachments.Select(a => a.Url)];
            entity.AttachmentNames = [.. parsed.Attachments.Select(a => a.Name ?? "")];
            entity.DiscardedMinisterEntries = [.. parsed.DiscardedMinisterEntries];
            entity.UpdatedAt = now;
            entity.ChangeSeq = ++state.ChangeSeq;
            foreach (var kind in NameKind.All)
            {
                var ids = state.NameIds[kind];
                var created = newNames[kind];
                var wanted = parsed.NamesOf(kind).Select(n => (ids.TryGetValue(n.Slug, out var id) ? id : created[n.Slug], n.Name)).ToList();
                NameTables.For(kind).SyncLinks(entity, wanted);
            }
            written.Add((entity, parsed, item.Outcome.Text));
        }

        // Changed releases go through the change tracker (few, and their links are edited in place);
        // new ones, the bulk of a first ingest, are inserted directly.
        db.IngestProblems.AddRange(pendingProblems);
        await db.SaveChangesAsync(cancellationToken);
        await InsertFreshAsync(db, fresh, cancellationToken);
        await PendingSignatures.WriteAsync(
            db,
            [.. written.Select(w => (w.Entity.Id, w.Entity.ChangeSeq, w.Text))],
            [.. pending.Where(p => p.ExistingId is not null && !p.RelocateOnly).Select(p => p.ExistingId!.Value)],
            cancellationToken);
        await RecordFingerprintsAsync(db, cancellationToken);
        if (written.Count > 0)
        {
            await StoreChanges.NotifyAsync(db, state.ChangeSeq, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        foreach (var (kind, created) in newNames)
        {
            foreach (var (slug, id) in created)
            {
                state.NameIds[kind][slug] = id;
            }
        }

        if (written.Count > 0 && feeder is not null)
        {
            await feeder.AddAsync(
                written.Select(w => new IndexedRelease(
                    w.Entity.Id,
                    w.Entity.Slug,
                    w.Entity.Title,
                    w.Entity.Date,
                    w.Entity.SourceUrl,
                    w.Entity.BodyText,
                    w.Parsed.Ministers.Select(m => m.Slug).ToList(),
                    w.Parsed.Portfolios.Select(p => p.Slug).ToList())).ToList(),
                cancellationToken);
        }

        pending.Clear();
        pendingFingerprints.Clear();
        pendingProblems.Clear();
    }

    private static async Task InsertFreshAsync(PressReleasesDbContext db, List<Release> fresh, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            return;
        }

        using var releases = new RowInserter<Release>(db);
        var links = NameKind.All.Select(kind => NameTables.For(kind).LinkInserter(db)).ToList();
        try
        {
            foreach (var release in fresh)
            {
                await releases.InsertAsync(release, cancellationToken);
                foreach (var inserter in links)
                {
                    await inserter.InsertAsync(release, cancellationToken);
                }
            }
        }
        finally
        {
            links.ForEach(inserter => inserter.Dispose());
        }
    }

    /// <summary>Unchanged files that had to be read: their length and write time, so the next ingest need not read them.</summary>
    private async Task RecordFingerprintsAsync(PressReleasesDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (id, fingerprint) in pendingFingerprints)
        {
            await db.Releases.Where(r => r.Id == id).ExecuteUpdateAsync(
                set => set.SetProperty(r => r.SourceLength, fingerprint.Length).SetProperty(r => r.SourceWriteTicks, fingerprint.WriteTicks),
                cancellationToken);
        }
    }

    /// <summary>
    /// Marks releases whose files left this folder as removed, unless the folder is empty (an unmounted disk is
    /// not a mass withdrawal). Call after the feeder has completed, so no upsert of this run follows a delete.
    /// </summary>
    public async Task MarkRemovedAsync(int filesInFolder, CancellationToken cancellationToken)
    {
        var gone = state.OwnedByRoot.Where(k => !k.IsRemoved && !state.Seen.Contains(k.Id)).Select(k => k.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (gone.Count > 0 && filesInFolder == 0)
        {
            AddProblem(IngestProblemSeverity.Warning, ".", null, $"the folder holds no release files; the {gone.Count:N0} releases stored from it were kept, not removed");
            gone.Clear();
        }

        var now = time.GetUtcNow();
        foreach (var chunk in gone.Chunk(500))
        {
            var ids = chunk.ToList();
            var entities = await db.Releases.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            foreach (var entity in entities)
            {
                entity.RemovedAt = now;
                entity.UpdatedAt = now;
                entity.ChangeSeq = ++state.ChangeSeq;
            }
        }

        db.IngestProblems.AddRange(pendingProblems);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            if (gone.Count > 0)
            {
                await StoreChanges.NotifyAsync(db, state.ChangeSeq, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        pendingProblems.Clear();
        if (session is not null)
        {
            // Kept in the index, marked withdrawn: out of every list, still there for a search that asks for them.
            foreach (var chunk in gone.Chunk(500))
            {
                var ids = chunk.ToList();
                foreach (var release in await StoredReleases.ReadAsync(db, db.Releases.Where(r => ids.Contains(r.Id)), cancellationToken))
                {
                    session.Upsert(release);
                }
            }
        }

        removed += gone.Count;
    }

    private void AddProblem(string severity, string file, int? line, string message)
    {
        problems.Add(new IngestProblemReport(severity, file, line, message));
        pendingProblems.Add(new IngestProblem { IngestRunId = runId, Severity = severity, File = file, Line = line, Message = message });
    }

    private sealed record PendingRelease(int? ExistingId, string Slug, FileOutcome.Parsed Outcome, bool RelocateOnly = false);
}
