namespace PressReleases.Core.Search.Indexing;

public sealed partial class SearchIndex
{
    /// <summary>
    /// Holds the last commit so its files outlive later commits and merges until the snapshot is disposed, for
    /// copying to a new node (docs/scaling.md, "A new node"). Null when there is no commit of this schema to give:
    /// an index created empty, or one of another schema waiting for its rebuild.
    /// </summary>
    public IndexSnapshot? TakeSnapshot()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Lucene.Net.Index.IndexCommit commit;
        try
        {
            commit = commitsHeld.Snapshot();
        }
        catch (InvalidOperationException)
        {
            // "No index commit to snapshot": the writer was created empty and has not committed yet.
            return null;
        }

        if (IndexSnapshotFolder.ReadCommitData(commit.UserData) is not { } changeSeq)
        {
            commitsHeld.Release(commit);
            return null;
        }

        return new IndexSnapshot(Path, commit, changeSeq, () => ReleaseSnapshot(commit));
    }

    /// <summary>Commits held by snapshots not yet disposed.</summary>
    public int HeldSnapshots => commitsHeld.SnapshotCount;

    private void ReleaseSnapshot(Lucene.Net.Index.IndexCommit commit)
    {
        commitsHeld.Release(commit);
        if (disposed)
        {
            return;
        }

        try
        {
            // Deletes the released commit's files now unless the writer still uses them, rather than at the next commit.
            writer.DeleteUnusedFiles();
        }
        catch (ObjectDisposedException)
        {
            // The site is stopping: the next writer deletes them when it opens.
        }
    }
}
