using Lucene.Net.Index;
using Lucene.Net.Store;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Indexing;

/// <summary>
/// The feeder's interim commit: made while the last batches go in, under the change sequence it is given (one the
/// index reflected before the feeding), so the index on disk claims no more than it holds at any moment; the final
/// commit then records the feeding's own sequence.
/// </summary>
public class IndexFeederTests
{
    private const int BatchSize = 400;

    [Fact]
    public async Task InterimCommit_IsOnDiskUnderTheSequenceItWasGiven_UntilTheFinalCommit()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using var index = new SearchIndex(path, new ReleaseAnalyzer());
        using var session = await index.BeginWriteAsync();
        session.Commit(5);

        await using (var feeder = new IndexFeeder(session, interimCommitMinBytes: 1))
        {
            await feeder.AddAsync(Batch(0), CancellationToken.None);
            await WaitUntilTheWriterHoldsDocumentsAsync(session);
            feeder.StartInterimCommit(5);
            await feeder.AddAsync(Batch(1), CancellationToken.None);
            await feeder.CompleteAsync();
        }

        var (interimSeq, interimDocs) = LastCommitOnDisk(path);
        Assert.Equal(5, interimSeq);
        Assert.InRange(interimDocs, 1, 2 * BatchSize);
        Assert.Equal(5, index.CommittedChangeSeq);

        session.Commit(9);

        Assert.Equal((9L, 2 * BatchSize), LastCommitOnDisk(path));
        Assert.Equal(9, index.CommittedChangeSeq);
        Assert.Equal(2 * BatchSize, index.DocumentCount);
    }

    [Fact]
    public async Task InterimCommit_IsLeftOut_WhenTheWriterHoldsLessThanTheThreshold()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using var index = new SearchIndex(path, new ReleaseAnalyzer());
        using var session = await index.BeginWriteAsync();
        session.Commit(5);

        await using (var feeder = new IndexFeeder(session))
        {
            await feeder.AddAsync(Batch(0), CancellationToken.None);
            await WaitUntilTheWriterHoldsDocumentsAsync(session);
            Assert.InRange(session.BufferedBytes, 1, IndexFeeder.InterimCommitMinBytes - 1);
            feeder.StartInterimCommit(5);
            await feeder.CompleteAsync();
        }

        Assert.Equal((5L, 0), LastCommitOnDisk(path));
        session.Commit(9);
        Assert.Equal((9L, BatchSize), LastCommitOnDisk(path));
    }

    private static IndexedRelease[] Batch(int number) =>
        [.. Enumerable.Range((number * BatchSize) + 1, BatchSize).Select(id => new IndexedRelease(
            id, $"slug-{id}", $"Release {id}", new DateOnly(2020, 1, 1 + (id % 28)), $"https://www.beehive.govt.nz/release/slug-{id}",
            $"Body {id} about roads and rail in region {id % 16}.", ["john-key"], ["transport"]))];

    private static async Task WaitUntilTheWriterHoldsDocumentsAsync(SearchIndex.WriteSession session)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (session.BufferedBytes == 0)
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    /// <summary>The change sequence and the document count of the newest commit in the folder, as a process opening it would find them.</summary>
    private static (long ChangeSeq, int Documents) LastCommitOnDisk(string path)
    {
        using var directory = FSDirectory.Open(path);
        var commit = DirectoryReader.ListCommits(directory)[^1];
        using var reader = DirectoryReader.Open(commit);
        return (long.Parse(commit.UserData[SearchIndex.ChangeSeqKey], System.Globalization.CultureInfo.InvariantCulture), reader.NumDocs);
    }
}
