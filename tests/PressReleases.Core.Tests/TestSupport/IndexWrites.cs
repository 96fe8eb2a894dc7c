using PressReleases.Core.Search.Indexing;

namespace PressReleases.Core.Tests.TestSupport;

public static class IndexWrites
{
    /// <summary>Adds the releases in one write session and commits them as reflecting <paramref name="changeSeq"/>.</summary>
    public static async Task CommitAsync(this SearchIndex index, long changeSeq, params IndexedRelease[] releases)
    {
        using var session = await index.BeginWriteAsync();
        foreach (var release in releases)
        {
            session.Upsert(release);
        }

        session.Commit(changeSeq);
    }
}
