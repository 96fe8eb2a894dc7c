using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Indexing;

public class SplitMergePolicyTests
{
    [Fact]
    public void ForcedMerge_MergesAnIndexInTwoHalves_WhenItHoldsNoMoreThanTheLimit()
    {
        var (segments, merged) = ForceMergeTwoHalves(documents: 80, wholeMergeLimit: 80);

        Assert.True(merged);
        Assert.Equal(1, segments);
    }

    [Fact]
    public void ForcedMerge_LeavesAnIndexInTwoHalvesAlone_WhenItHoldsMoreThanTheLimit()
    {
        var (segments, merged) = ForceMergeTwoHalves(documents: 80, wholeMergeLimit: 79);

        Assert.False(merged);
        Assert.Equal(2, segments);
    }

    /// <summary>Writes a real index on disk in two committed halves, then forces a merge into one segment.</summary>
    private static (int Segments, bool Merged) ForceMergeTwoHalves(int documents, int wholeMergeLimit)
    {
        using var temp = new TempDirectory();
        using var directory = FSDirectory.Open(temp.Path);
        var policy = new SplitMergePolicy(wholeMergeLimit);
        using var analyzer = new ReleaseAnalyzer();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ReleaseAnalyzer.Version, analyzer) { MergePolicy = policy }))
        {
            for (var i = 0; i < documents; i++)
            {
                writer.AddDocument([new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES)]);
                if (i == (documents / 2) - 1)
                {
                    writer.Commit();
                }
            }

            writer.Commit();
            policy.ResetForcedMergeRecord();
            writer.ForceMerge(1);
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(documents, reader.NumDocs);
        return (reader.Leaves.Count, policy.MergedSplit);
    }
}
