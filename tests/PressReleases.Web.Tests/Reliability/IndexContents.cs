using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>One live document of the index, as its stored fields give it.</summary>
public sealed record IndexedDocument(int Id, string Slug, string Title, string Ministers, string Portfolios);

/// <summary>Reads an index folder directly, after the process that wrote it has ended.</summary>
public static class IndexContents
{
    /// <summary>
    /// Every live document of a current release, keyed by the release id it carries: a withdrawn release's document,
    /// kept and marked so it can be searched on request, is left out, as the store's current releases leave it out.
    /// </summary>
    public static Dictionary<int, IndexedDocument> Documents(SearchIndex index)
    {
        using var lease = index.LeaseSearcher();
        var searcher = lease.Searcher;
        var reader = searcher.IndexReader;
        var live = MultiFields.GetLiveDocs(reader);
        var documents = new Dictionary<int, IndexedDocument>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }

            var stored = reader.Document(doc);
            if (stored.Get(IndexFields.Status) == IndexFields.WithdrawnValue)
            {
                continue;
            }

            var id = int.Parse(stored.Get(IndexFields.Id), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(documents.TryAdd(id, new IndexedDocument(
                id,
                stored.Get(IndexFields.Slug),
                stored.Get(IndexFields.Title),
                string.Join(" | ", stored.GetValues(IndexFields.Minister)),
                string.Join(" | ", stored.GetValues(IndexFields.Portfolio)))), $"The index holds release {id} twice.");
        }

        return documents;
    }

    /// <summary>Ids of the documents whose body holds <paramref name="term"/> (an analysed term, e.g. "govern").</summary>
    public static HashSet<int> IdsWithBodyTerm(SearchIndex index, string term)
    {
        using var lease = index.LeaseSearcher();
        var searcher = lease.Searcher;
        var hits = searcher.Search(new TermQuery(new Term(IndexFields.Body, term)), Math.Max(1, searcher.IndexReader.MaxDoc));
        return hits.ScoreDocs.Select(h => int.Parse(searcher.Doc(h.Doc).Get(IndexFields.Id), System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <summary>Whether the analyser turns <paramref name="text"/> into a token stream holding <paramref name="term"/>.</summary>
    public static bool Contains(ReleaseAnalyzer analyzer, string text, string term)
    {
        using var stream = analyzer.GetTokenStream(IndexFields.Body, text);
        var chars = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var found = false;
        while (stream.IncrementToken())
        {
            if (chars.ToString() == term)
            {
                found = true;
            }
        }

        stream.End();
        return found;
    }
}
