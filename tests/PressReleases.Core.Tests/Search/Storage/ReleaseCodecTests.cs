using Lucene.Net.Index;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Core.Tests.Search.Storage;

public class ReleaseCodecTests
{
    [Fact]
    public async Task StoredText_ReadsBackExactly_SmallAndLargerThanSeveralChunks_AfterReopening()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        var random = new Random(7);
        const string Alphabet = "abcdefghij klmnōpqrstuvwxyzĀ.\n";
        string Text(int length) => new(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

        // Small releases around large ones: a large one fills chunks of its own (read in slices), small
        // ones share a chunk and are read from the middle of it.
        var bodies = new Dictionary<string, string>();
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        using (var session = await index.BeginWriteAsync())
        {
            for (var i = 0; i < 40; i++)
            {
                var body = i % 9 == 4 ? Text(70_000 + i) : Text(10 + i * 37);
                bodies[$"r{i}"] = body;
                session.Upsert(new IndexedRelease(i + 1, $"r{i}", $"Title {i}", null, $"https://example.org/{i}", body, [], []));
            }

            session.Commit(1);
        }

        using (var reopened = new SearchIndex(path, new ReleaseAnalyzer()))
        {
            using var lease = reopened.LeaseSearcher();
            var searcher = lease.Searcher;
            Assert.Equal(40, searcher.IndexReader.NumDocs);
            var codecs = searcher.IndexReader.Leaves.Select(l => ((SegmentReader)l.AtomicReader).SegmentInfo.Info.Codec.Name).Distinct();
            Assert.Equal(["PressReleases46"], codecs);

            // Out of order, as a result page reads them.
            foreach (var doc in Enumerable.Range(0, 40).OrderBy(d => (d * 17) % 40))
            {
                var document = searcher.Doc(doc);
                Assert.Equal(bodies[document.Get(IndexFields.Slug)], document.Get(IndexFields.Body));
            }
        }
    }

    [Fact]
    public async Task StoredText_ReadsBackExactly_AfterSegmentsAreMerged()
    {
        // A merge copies stored fields chunk by chunk through the codec's reader and writer; the merged
        // segment must hold the same text.
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        var bodies = new Dictionary<string, string>();
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        using (var session = await index.BeginWriteAsync())
        {
            for (var i = 0; i < 30; i++)
            {
                var body = $"Release {i}: " + string.Join(' ', Enumerable.Repeat($"M\u0101ori word{i}", 50 + (i * 400)));
                bodies[$"r{i}"] = body;
                session.Upsert(new IndexedRelease(i + 1, $"r{i}", $"Title {i}", null, $"https://example.org/{i}", body, [], []));
                if (i % 10 == 9)
                {
                    session.Commit(i);
                }
            }

            Assert.True(session.MergeIfSplit(), "The three committed segments were not merged.");
            session.Commit(30);
        }

        using var reopened = new SearchIndex(path, new ReleaseAnalyzer());
        using var lease = reopened.LeaseSearcher();
        Assert.Single(lease.Reader.Leaves);
        for (var doc = 0; doc < lease.Reader.MaxDoc; doc++)
        {
            var document = lease.Searcher.Doc(doc);
            Assert.Equal(bodies[document.Get(IndexFields.Slug)], document.Get(IndexFields.Body));
        }

        Assert.Equal(30, lease.Reader.NumDocs);
    }
}
