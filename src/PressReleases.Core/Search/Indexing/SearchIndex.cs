using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PressReleases.Core.Search.Indexing;

/// <summary>
/// The Lucene index: one <see cref="IndexWriter"/> and one <see cref="SearcherManager"/>, opened once and
/// shared by the whole process. The index is derived from the store: each commit records the schema
/// version and the store's change sequence it reflects, and an index that is missing, damaged or of
/// another schema is recreated empty and flagged for a rebuild from the store.
/// Neither is handed out: searches borrow a <see cref="SearcherLease"/> (<see cref="LeaseSearcher"/>) and
/// changes go through one <see cref="WriteSession"/> at a time (<see cref="BeginWriteAsync"/>).
/// Disposal order: searcher manager (readers), then writer, then directory.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    /// <summary>
    /// Bump when documents or analysis change: older indexes are then rebuilt from the store. 5: withdrawn releases
    /// are kept, marked with <see cref="IndexFields.Status"/>, instead of deleted. 6: words written with combining
    /// marks are composed before folding (<see cref="Analysis.ComposedMarks"/>). 7: so are words with marks of any
    /// block, not only U+0300–U+036F.
    /// </summary>
    public const int SchemaVersion = 7;

    /// <summary>
    /// Threads an ingest indexes on (one per processor, at most four); the writer keeps as many in-memory
    /// segments, so a thread never waits for another's.
    /// </summary>
    public static readonly int IndexingThreads = Math.Clamp(Environment.ProcessorCount, 1, 4);

    internal const string SchemaVersionKey = "schemaVersion";
    internal const string ChangeSeqKey = "changeSeq";
    internal const string StoreKey = "store";

    private readonly FileStream processLock;
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly object commitLock = new();
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly ThreadLocal<ReleaseDocumentBuilder> documentBuilders;
    private SnapshotDeletionPolicy commitsHeld = null!;
    private SplitMergePolicy mergePolicy = null!;
    private bool disposed;

    public SearchIndex(string path, ReleaseAnalyzer analyzer, ILogger<SearchIndex>? logger = null)
    {
        ReleaseCodec.Register();
        Path = System.IO.Path.GetFullPath(path);
        Analyzer = analyzer;
        documentBuilders = new ThreadLocal<ReleaseDocumentBuilder>(() => new ReleaseDocumentBuilder(analyzer));
        Similarity = new BM25Similarity();
        var log = logger ?? NullLogger<SearchIndex>.Instance;
        System.IO.Directory.CreateDirectory(Path);
        processLock = LockProcess(Path + ".lock");
        // Hot files in memory, the rest with positional reads; no memory maps (see IndexFilesDirectory for why).
        directory = new IndexFilesDirectory(Path);

        try
        {
            writer = OpenWriter(out var needsRebuild, out var changeSeq, out var storeIdentity);
            NeedsRebuild = needsRebuild;
            CommittedChangeSeq = changeSeq;
            StoreIdentity = storeIdentity;
            searchers = new SearcherManager(writer, applyAllDeletes: true, new SimilaritySearcherFactory(Similarity));
        }
        catch (LockObtainFailedException ex)
        {
            directory.Dispose();
            processLock.Dispose();
            throw new SearchIndexException($"The search index '{Path}' is in use by another process (is the site or another ingest running?).", ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lucene reports damage with many exception types (a truncated compound file throws
            // ArgumentException from its slicing); the index is derived, so any failure to open it is
            // treated as damage and repaired from the store rather than stopping the site.
            log.LogWarning(ex, "The search index at {Path} is damaged; it will be recreated and rebuilt from the store", Path);
            writer?.Dispose();
            ClearFolder();
            writer = new IndexWriter(directory, WriterConfig(OpenMode.CREATE));
            NeedsRebuild = true;
            CommittedChangeSeq = 0;
            searchers = new SearcherManager(writer, applyAllDeletes: true, new SimilaritySearcherFactory(Similarity));
        }
    }

    public string Path { get; }

    public ReleaseAnalyzer Analyzer { get; }

    public Similarity Similarity { get; }

    /// <summary>True when the index was (re)created empty and must be filled from the store.</summary>
    public bool NeedsRebuild { get; private set; }

    /// <summary>The store change sequence the last commit reflects; newer store changes are not yet searchable.</summary>
    public long CommittedChangeSeq { get; private set; }

    /// <summary>
    /// The identity of the store this index was built from (<see cref="Store.StoreIdentity"/>), recorded with every
    /// commit; null for an index built before indexes recorded it, or not yet told (<see cref="WriteSession.AdoptStore"/>).
    /// </summary>
    public string? StoreIdentity { get; private set; }

    /// <summary>
    /// Starts writing: waits until no other writer (an ingest, a rebuild, a catch-up) holds the index, so only
    /// one of them changes it and records a change sequence at a time. Disposing the session lets the next in.
    /// </summary>
    public async Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await writeGate.WaitAsync(cancellationToken);
        return new WriteSession(this, writeGate);
    }

    /// <summary>A searcher over what is visible now; dispose the lease (with <c>using</c>) to return it.</summary>
    public SearcherLease LeaseSearcher() => new(searchers);

    private void Upsert(IndexedRelease release) =>
        writer.UpdateDocument(new Term(IndexFields.Id, IndexFields.IdTerm(release.Id)), documentBuilders.Value!.Build(release));

    private void Delete(int releaseId) => writer.DeleteDocuments(new Term(IndexFields.Id, IndexFields.IdTerm(releaseId)));

    private void DeleteAll() => writer.DeleteAll();

    /// <inheritdoc cref="WriteSession.MergeIfSplit"/>
    private bool MergeIfSplit()
    {
        // The policy decides from the writer's own segment counts (flushed first by the forced merge), so no
        // searcher over the split segments is opened just to count them.
        mergePolicy.ResetForcedMergeRecord();
        writer.ForceMerge(1);
        return mergePolicy.MergedSplit;
    }

    private void Commit(long changeSeq)
    {
        lock (commitLock)
        {
            CommitInterim(changeSeq);
            CommittedChangeSeq = changeSeq;
            NeedsRebuild = false;
        }

        Refresh();
    }

    /// <inheritdoc cref="WriteSession.CommitInterim"/>
    private void CommitInterim(long changeSeq)
    {
        lock (commitLock)
        {
            writer.SetCommitData(CommitData(changeSeq));
            writer.Commit();
        }
    }

    /// <summary>What a commit records: the schema, the store change sequence it reflects, and the store it comes from.</summary>
    private Dictionary<string, string> CommitData(long changeSeq)
    {
        var data = new Dictionary<string, string>
        {
            [SchemaVersionKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [ChangeSeqKey] = changeSeq.ToString(CultureInfo.InvariantCulture),
        };
        if (StoreIdentity is { } store)
        {
            data[StoreKey] = store;
        }

        return data;
    }

    /// <summary>What the writer holds in memory: documents not yet flushed into segments, and deletes not yet applied.</summary>
    private long BufferedBytes => writer.RamSizeInBytes();

    private void Refresh() => searchers.MaybeRefreshBlocking();

    /// <summary>Documents visible to searches now.</summary>
    public int DocumentCount
    {
        get
        {
            using var lease = LeaseSearcher();
            return lease.Reader.NumDocs;
        }
    }

    /// <summary>
    /// Whether what searches see now is split into large parts (what an ingest or a rebuild leaves: one segment per
    /// indexing thread) that <see cref="IndexSynchronizer.MergeIfSplitAsync"/> would merge. Reads only the open
    /// readers' document counts.
    /// </summary>
    public bool IsSplit
    {
        get
        {
            using var lease = LeaseSearcher();
            return SplitMergePolicy.IsSplit(lease.Reader.Leaves.Select(leaf => leaf.Reader.NumDocs));
        }
    }

    /// <summary>Documents of releases still published: <see cref="DocumentCount"/> without the withdrawn ones.</summary>
    public int PublishedCount
    {
        get
        {
            using var lease = LeaseSearcher();
            var withdrawn = new TotalHitCountCollector();
            lease.Searcher.Search(new TermQuery(IndexFields.WithdrawnTerm), withdrawn);
            return lease.Reader.NumDocs - withdrawn.TotalHits;
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        processLock.Dispose();
        documentBuilders.Dispose();
    }

    /// <summary>
    /// Lucene's own write.lock does not keep a second process out on Linux, so the index folder is guarded
    /// by an exclusive lock on a sibling file, held for the life of this object. The operating system drops
    /// it when the process dies, so a crash never leaves a stale lock behind.
    /// </summary>
    internal static FileStream LockProcess(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new SearchIndexException($"The search index '{lockPath[..^5]}' is in use by another process (is the site or another ingest running?).", ex);
        }
    }

    private IndexWriter OpenWriter(out bool needsRebuild, out long changeSeq, out string? storeIdentity)
    {
        storeIdentity = null;
        if (!DirectoryReader.IndexExists(directory))
        {
            needsRebuild = true;
            changeSeq = 0;
            return new IndexWriter(directory, WriterConfig(OpenMode.CREATE));
        }

        // Reading the last commit's data opens segments_N. Damage inside a segment surfaces when the
        // searcher manager opens its readers, still inside the constructor's repair path.
        var commits = DirectoryReader.ListCommits(directory);
        var data = commits[^1].UserData;
        var opened = new IndexWriter(directory, WriterConfig(OpenMode.APPEND));
        if (!data.TryGetValue(SchemaVersionKey, out var version) || version != SchemaVersion.ToString(CultureInfo.InvariantCulture)
            || !data.TryGetValue(ChangeSeqKey, out var seqText) || !long.TryParse(seqText, CultureInfo.InvariantCulture, out changeSeq))
        {
            opened.DeleteAll();
            needsRebuild = true;
            changeSeq = 0;
            return opened;
        }

        needsRebuild = false;
        storeIdentity = data.TryGetValue(StoreKey, out var store) ? store : null;
        return opened;
    }

    private IndexWriterConfig WriterConfig(OpenMode mode) => new(ReleaseAnalyzer.Version, Analyzer)
    {
        OpenMode = mode,
        Similarity = Similarity,
        Codec = new ReleaseCodec(),
        // Segments are flushed while the indexing threads go on (on both cores); what is still buffered when an
        // ingest ends is flushed on one thread, one segment after another. Each flush writes its segment's whole
        // vocabulary again (and Lucene builds a small FST for every block of its terms dictionary), so fewer, larger
        // flushes cost less, until the last one becomes a long single-threaded tail: with the merge left to the site,
        // 128 MB left a cold ingest of the full corpus about 0.6 s faster than 64 MB (1 s less CPU, 0.2 GB less
        // allocated) and about 1 s faster than 256 MB, for about 60 MB more peak RSS (docs/performance.md, "Issue #18").
        RAMBufferSizeMB = 128,
        // Without a bound, every pool thread that ever adds a document gets a segment of its own.
        MaxThreadStates = IndexingThreads,
        // A flushed segment is kept as its own files rather than copied once more into a compound file: an ingest
        // merges what it flushed anyway, and the index holds few segments, so the files stay few.
        UseCompoundFile = false,
        // Keeps only the last commit, as Lucene's default does, except commits held for a snapshot (TakeSnapshot).
        // One policy per writer: a policy may serve only one.
        IndexDeletionPolicy = commitsHeld = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()),
        MergePolicy = mergePolicy = new SplitMergePolicy(),
    };

    private void ClearFolder()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Path))
        {
            File.Delete(file);
        }
    }

    private sealed class SimilaritySearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}

public sealed class SearchIndexException(string message, Exception? inner = null) : Exception(message, inner);
