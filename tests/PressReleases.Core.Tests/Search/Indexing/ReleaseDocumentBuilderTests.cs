using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Core.Tests.Search.Indexing;

/// <summary>
/// The index's write path (reused fields, the body analysed once for the body and words fields, each distinct
/// word indexed once) must hold exactly what plain, freshly built fields analysed by <see cref="ReleaseAnalyzer"/>
/// hold: the same terms, documents, frequencies, positions, offsets and stored values.
/// </summary>
public class ReleaseDocumentBuilderTests
{
    private static readonly string[] TextFields = [IndexFields.Title, IndexFields.Body, IndexFields.TitleWords, IndexFields.Words];

    // Only this test reads the corpus: the others stay in the fast inner loop.
    [Fact]
    [Trait(TestCategories.Key, TestCategories.Corpus)]
    public async Task RealReleases_IndexedThroughSearchIndex_MatchPlainFieldsTermForTerm()
    {
        var releases = SampleOfCorpus(160);
        using var temp = new TempDirectory();
        var analyzer = new ReleaseAnalyzer();
        using var index = new SearchIndex(temp.Sub("built"), analyzer);
        using (var session = await index.BeginWriteAsync())
        {
            foreach (var release in releases)
            {
                session.Upsert(release);
            }

            session.Commit(1);
        }

        using var plainDirectory = FSDirectory.Open(temp.Sub("plain"));
        using (var writer = new IndexWriter(plainDirectory, new IndexWriterConfig(ReleaseAnalyzer.Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var release in releases)
            {
                writer.AddDocument(PlainDocument(release));
            }

            writer.ForceMerge(1);
        }

        using var lease = index.LeaseSearcher();
        var searcher = lease.Searcher;
        using var plain = DirectoryReader.Open(plainDirectory);
        var built = SlowCompositeReaderWrapper.Wrap(searcher.IndexReader);
        var expected = SlowCompositeReaderWrapper.Wrap(plain);
        Assert.Equal(expected.MaxDoc, built.MaxDoc);
        foreach (var field in TextFields)
        {
            AssertSamePostings(field, expected, built);
        }

        for (var doc = 0; doc < expected.MaxDoc; doc++)
        {
            Assert.Equal(expected.Document(doc).Get(IndexFields.Body), built.Document(doc).Get(IndexFields.Body));
            Assert.Equal(expected.Document(doc).Get(IndexFields.Title), built.Document(doc).Get(IndexFields.Title));
            Assert.Equal(expected.Document(doc).GetValues(IndexFields.Minister), built.Document(doc).GetValues(IndexFields.Minister));
        }
    }

    [Fact]
    public void BodyAnalysis_BegunAgainBeforeItWasRead_AnalysesTheNewText()
    {
        var analysis = new BodyAnalysis(new ReleaseAnalyzer());
        analysis.Begin("Never read: schools and hospitals.");
        analysis.Begin("Funding the funded schools' funding");

        Assert.Equal(["fund", "fund", "school", "fund"], Read(analysis.StemmedTerms));
        Assert.Equal(["funding", "the", "funded", "schools"], Read(analysis.DistinctWords));
    }

    [Fact]
    public void BodyAnalysis_WordsReadBeforeTheBody_AreAnalysedFromTheText()
    {
        var analysis = new BodyAnalysis(new ReleaseAnalyzer());
        analysis.Begin("First body text");
        Read(analysis.StemmedTerms);
        Read(analysis.DistinctWords);

        analysis.Begin("Māori Affairs and MAORI affairs");

        // The notes still hold the first body; the words must not be replayed from them.
        Assert.Equal(["maori", "affairs", "and"], Read(analysis.DistinctWords));
        Assert.Equal(["maori", "affair", "maori", "affair"], Read(analysis.StemmedTerms));
    }

    [Fact]
    public void DistinctWordSet_KeepsFirstSeenOrder_AndGrowsPastItsFirstSizes()
    {
        var set = new DistinctWordSet();
        var words = Enumerable.Range(0, 3000).Select(i => $"word{i}-{new string('x', i % 7)}").ToList();
        foreach (var word in words)
        {
            set.Add(word);
            set.Add(words[0]);
            set.Add(word);
        }

        Assert.Equal(words.Count, set.Count);
        Assert.Equal(words, Enumerable.Range(0, set.Count).Select(i => set[i].ToString()));

        set.Clear();
        set.Add("again");
        set.Add("again");
        Assert.Equal(1, set.Count);
        Assert.Equal("again", set[0].ToString());
    }

    private static List<string> Read(Lucene.Net.Analysis.TokenStream stream)
    {
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        stream.Dispose();
        return terms;
    }

    /// <summary>Every term of the field with the same documents, frequencies, positions and offsets in both readers.</summary>
    private static void AssertSamePostings(string field, AtomicReader expected, AtomicReader actual)
    {
        var expectedTerms = expected.GetTerms(field)!.GetEnumerator();
        var actualTerms = actual.GetTerms(field)!.GetEnumerator();
        var count = 0;
        while (expectedTerms.MoveNext())
        {
            Assert.True(actualTerms.MoveNext(), $"{field}: the built index ends before '{expectedTerms.Term.Utf8ToString()}'");
            Assert.Equal(expectedTerms.Term.Utf8ToString(), actualTerms.Term.Utf8ToString());
            Assert.Equal(expectedTerms.DocFreq, actualTerms.DocFreq);
            count++;
            var withPositions = field is IndexFields.Title or IndexFields.Body;
            if (withPositions)
            {
                var e = expectedTerms.DocsAndPositions(null, null)!;
                var a = actualTerms.DocsAndPositions(null, null)!;
                while (e.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(e.DocID, a.NextDoc());
                    Assert.Equal(e.Freq, a.Freq);
                    for (var i = 0; i < e.Freq; i++)
                    {
                        Assert.Equal((e.NextPosition(), e.StartOffset, e.EndOffset), (a.NextPosition(), a.StartOffset, a.EndOffset));
                    }
                }

                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, a.NextDoc());
            }
            else
            {
                var e = expectedTerms.Docs(null, null, DocsFlags.NONE);
                var a = actualTerms.Docs(null, null, DocsFlags.NONE);
                while (e.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(e.DocID, a.NextDoc());
                }

                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, a.NextDoc());
            }
        }

        Assert.False(actualTerms.MoveNext(), $"{field}: the built index has extra terms from '{actualTerms.Term?.Utf8ToString()}'");
        Assert.True(count > 100, $"{field}: only {count} terms; the sample is too small to compare");
    }

    /// <summary>The document as plain fields would make it: each text field analysed from its string by the analyzer.</summary>
    private static Document PlainDocument(IndexedRelease release)
    {
        var document = new Document
        {
            new StringField(IndexFields.Id, IndexFields.IdTerm(release.Id), Field.Store.YES),
            new Field(IndexFields.Title, release.Title, IndexFields.StoredTextWithOffsets),
            new Field(IndexFields.Body, release.BodyText, IndexFields.StoredTextWithOffsets),
            new Field(IndexFields.TitleWords, release.Title, IndexFields.WordsOnly),
            new Field(IndexFields.Words, release.Title, IndexFields.WordsOnly),
            new Field(IndexFields.Words, release.BodyText, IndexFields.WordsOnly),
        };
        foreach (var slug in release.MinisterSlugs)
        {
            document.Add(new StringField(IndexFields.Minister, slug, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(IndexFields.Minister, new BytesRef(slug)));
        }

        return document;
    }

    /// <summary>Every n-th corpus file, parsed: long and short bodies, macrons, empty bodies, several ministers.</summary>
    private static List<IndexedRelease> SampleOfCorpus(int count)
    {
        var files = System.IO.Directory.EnumerateFiles(RepoPaths.RequireCorpusFolder(), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var parser = new ReleaseFileParser(new MarkdownRenderer());
        var stride = files.Count / count;
        var releases = new List<IndexedRelease>();
        for (var i = 0; releases.Count < count; i += stride)
        {
            var parsed = parser.Parse(File.ReadAllBytes(files[i]));
            releases.Add(new IndexedRelease(
                releases.Count + 1,
                $"{parsed.BaseSlug}-{i}",
                parsed.Title,
                parsed.Date,
                parsed.Url,
                parsed.BodyText,
                parsed.Ministers.Select(m => m.Slug).ToList(),
                parsed.Portfolios.Select(p => p.Slug).ToList()));
        }

        return releases;
    }
}
