namespace PressReleases.Core.Search.Indexing;

public sealed partial class SearchIndex
{
    /// <summary>
    /// The one way to change the index: obtained from <see cref="BeginWriteAsync"/>, which lets one
    /// writer in at a time, and disposed (with <c>using</c>) to let the next one in. Its changes become visible to
    /// searches when refreshed and durable when committed; a session disposed without a commit leaves them in
    /// the writer for the next commit (the index catches up from the store at the next start if none comes).
    /// Documents may be added from several threads at once (Lucene's writer is thread-safe); committing and
    /// disposing belong to the thread that began the session.
    /// </summary>
    public sealed class WriteSession : IDisposable
    {
        private readonly SearchIndex index;
        private SemaphoreSlim? gate;

        internal WriteSession(SearchIndex index, SemaphoreSlim gate)
        {
            this.index = index;
            this.gate = gate;
        }

        /// <summary>Adds the release, or replaces the document already held under its id.</summary>
        public void Upsert(IndexedRelease release)
        {
            ThrowIfEnded();
            index.Upsert(release);
        }

        public void Delete(int releaseId)
        {
            ThrowIfEnded();
            index.Delete(releaseId);
        }

        public void DeleteAll()
        {
            ThrowIfEnded();
            index.DeleteAll();
        }

        /// <summary>
        /// Merges the index into one segment when it is split into large parts, which a cold ingest leaves (one
        /// segment per indexing thread): every search looks each term up, builds its scorers and collects once
        /// per segment, so one segment makes every search cheaper (docs/performance.md). An index whose largest
        /// segment already holds nine tenths of the documents is left alone, so adding a few releases never
        /// rewrites the whole index; Lucene's merge policy folds small segments in over time. Nor is an index of more
        /// than <see cref="SplitMergePolicy.WholeMergeLimit"/> releases merged: that policy keeps its segments few and
        /// large while it is written.
        /// Returns whether it merged. Changes are not committed here.
        /// </summary>
        public bool MergeIfSplit()
        {
            ThrowIfEnded();
            return index.MergeIfSplit();
        }

        /// <summary>Makes the changes durable and records which store state (change sequence) they reflect.</summary>
        public void Commit(long changeSeq)
        {
            ThrowIfEnded();
            index.Commit(changeSeq);
        }

        /// <summary>
        /// Makes what the writer holds durable under <paramref name="changeSeq"/>, a change sequence that the
        /// index already reflects in full (the one before the changes being written), while documents are still
        /// being added from other threads. Neither what searches see nor <see cref="CommittedChangeSeq"/> changes:
        /// the final <see cref="Commit"/> follows. The point is the flush: a commit flushes every indexing thread's
        /// in-memory segment, and Lucene lets a thread that adds a document meanwhile take one of them, so they are
        /// written side by side instead of one after another on the committing thread (<see cref="IndexFeeder"/>).
        /// Should the process stop before the final commit, the index opens at <paramref name="changeSeq"/> and
        /// catches up from the store, replacing what it already holds.
        /// </summary>
        public void CommitInterim(long changeSeq)
        {
            ThrowIfEnded();
            index.CommitInterim(changeSeq);
        }

        /// <summary>What the writer holds in memory, in bytes: documents not yet flushed into segments and deletes not yet applied.</summary>
        public long BufferedBytes
        {
            get
            {
                ThrowIfEnded();
                return index.BufferedBytes;
            }
        }

        /// <summary>
        /// Records <paramref name="storeIdentity"/> as the store this index is built from, with this commit and every
        /// later one. The start-up sync calls it once it has checked that the index comes from that store (or rebuilt it).
        /// </summary>
        public void AdoptStore(string storeIdentity)
        {
            ThrowIfEnded();
            index.StoreIdentity = storeIdentity;
        }

        /// <summary>Makes the changes so far (even uncommitted) visible to new searches.</summary>
        public void Refresh()
        {
            ThrowIfEnded();
            index.Refresh();
        }

        public void Dispose() => Interlocked.Exchange(ref gate, null)?.Release();

        private void ThrowIfEnded() => ObjectDisposedException.ThrowIf(Volatile.Read(ref gate) is null, this);
    }
}
