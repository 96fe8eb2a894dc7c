using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Search.Querying;

namespace PressReleases.Core.Search.Suggestions;

/// <summary>
/// Releases like a given one (MoreLikeThis): the release's most distinctive terms (frequent in it, rare in
/// the index) become an OR query over body and title, a title match weighted <see cref="TitleBoost"/> times.
/// The release itself, releases with the same body text and re-publications (same title and date) are left
/// out, and so is all but the best of any such group among the results.
/// </summary>
public sealed class RelatedReleases(SearchIndex index)
{
    public const int MaxCount = 20;

    /// <summary>A term must occur this often in the release to be used (title words always do: the title counts twice).</summary>
    public const int MinTermFreq = 2;

    /// <summary>A term must occur in this many releases to be used (a term only the release has finds nothing else).</summary>
    public const int MinDocFreq = 2;

    public const int MaxQueryTerms = 25;

    public const float TitleBoost = UserQueryParser.TitleBoost;

    /// <summary>Hits fetched beyond the count asked for, to make up for those left out as duplicates.</summary>
    private const int ExtraHits = 25;

    /// <summary>
    /// Terms in more than this share of releases are left out of the "like this" query ("government",
    /// "minister"): they say little about what a release is about, and their long postings were most of
    /// the query's cost. Small indexes keep every term up to <see cref="MinMaxDocFreq"/>.
    /// </summary>
    public const double MaxDocFreqShare = 0.1;

    private const int MinMaxDocFreq = 1000;

    /// <summary>What is read of each candidate: enough to compare and list it, not its body.</summary>
    private static readonly ISet<string> CandidateFields = new HashSet<string>(StringComparer.Ordinal)
    {
        IndexFields.Slug, IndexFields.Title, IndexFields.Date, IndexFields.BodyHash,
    };

    /// <summary>
    /// Lists kept per index reader: they change only when the index does, and a release read by many (the one in the
    /// news) would otherwise run the same "like this" query for each of them. About a kilobyte each.
    /// </summary>
    private const int KeptLists = 10_000;

    private readonly ReaderCache<(string Slug, int Count), IReadOnlyList<RelatedRelease>> kept = new(KeptLists);

    private static readonly ISet<string> StopWords = new HashSet<string>(
        StopAnalyzer.ENGLISH_STOP_WORDS_SET.Select(w => w.ToString() ?? ""), StringComparer.Ordinal);

    public IReadOnlyList<RelatedRelease> Find(string slug, int count)
    {
        if (string.IsNullOrEmpty(slug) || count <= 0)
        {
            return [];
        }

        count = Math.Min(count, MaxCount);
        using var lease = index.LeaseSearcher();
        var searcher = lease.Searcher;
        return kept.GetOrAdd(searcher.IndexReader, (slug, count), () => Find(searcher, slug, count));
    }

    private IReadOnlyList<RelatedRelease> Find(IndexSearcher searcher, string slug, int count)
    {
        var found = searcher.Search(new TermQuery(new Term(IndexFields.Slug, slug)), 1);
        if (found.TotalHits == 0)
        {
            return [];
        }

        var source = searcher.Doc(found.ScoreDocs[0].Doc);
        var title = source.Get(IndexFields.Title) ?? "";
        var body = source.Get(IndexFields.Body) ?? "";
        var hash = source.Get(IndexFields.BodyHash);
        var like = LikeQuery(searcher.IndexReader, title, body);
        if (like is null)
        {
            return [];
        }

        // Never the release itself, a withdrawn release, or one with the same body.
        var excludedTerms = new List<Term> { new(IndexFields.Id, source.Get(IndexFields.Id)), IndexFields.WithdrawnTerm };
        if (hash is not null)
        {
            excludedTerms.Add(new Term(IndexFields.BodyHash, hash));
        }

        var seenBodies = new HashSet<string>(StringComparer.Ordinal);
        if (hash is not null)
        {
            seenBodies.Add(hash);
        }

        var seenEditions = new HashSet<(string, int)> { (TitleKey(title), DateKeyOf(source)) };
        var related = new List<RelatedRelease>(count);
        var clauses = like.Clauses.Select(c => (TermQuery)c.Query);
        foreach (var hit in TermAtATimeScorer.Top(searcher, clauses, TermAtATimeScorer.Matching(searcher, excludedTerms), count + ExtraHits))
        {
            var document = searcher.Doc(hit.Doc, CandidateFields);
            var otherTitle = document.Get(IndexFields.Title) ?? "";
            var dateKey = DateKeyOf(document);
            var otherHash = document.Get(IndexFields.BodyHash);
            if ((otherHash is not null && !seenBodies.Add(otherHash)) | !seenEditions.Add((TitleKey(otherTitle), dateKey)))
            {
                continue;
            }

            related.Add(new RelatedRelease(document.Get(IndexFields.Slug) ?? "", otherTitle, IndexFields.FromDateKey(dateKey)));
            if (related.Count == count)
            {
                break;
            }
        }

        return related;
    }

    /// <summary>The release's distinctive terms as an OR query over body and (boosted) title; null when it has none.</summary>
    private BooleanQuery? LikeQuery(IndexReader reader, string title, string body)
    {
        // The title is read twice: its words always reach the minimum term frequency and weigh more.
        var text = body.Length == 0 ? title : title + "\n\n" + title + "\n\n" + body;
        var terms = Interesting(reader, text, body.Length == 0 ? 1 : MinTermFreq);
        if (terms.Clauses.Count == 0 && body.Length > 0)
        {
            // A short body may repeat nothing: use every term once.
            terms = Interesting(reader, text, 1);
        }

        if (terms.Clauses.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var clause in terms.Clauses)
        {
            if (clause.Query is not TermQuery termQuery)
            {
                continue;
            }

            var term = termQuery.Term.Text;
            query.Add(new TermQuery(new Term(IndexFields.Body, term)) { Boost = termQuery.Boost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.Title, term)) { Boost = termQuery.Boost * TitleBoost }, Occur.SHOULD);
        }

        return query;
    }

    private BooleanQuery Interesting(IndexReader reader, string text, int minTermFreq)
    {
        var mlt = new MoreLikeThis(reader)
        {
            Analyzer = index.Analyzer,
            FieldNames = [IndexFields.Body],
            MinTermFreq = minTermFreq,
            MinDocFreq = MinDocFreq,
            MaxQueryTerms = MaxQueryTerms,
            MaxDocFreq = Math.Max(MinMaxDocFreq, (int)(reader.NumDocs * MaxDocFreqShare)),
            StopWords = StopWords,
            ApplyBoost = true,
        };
        using var reading = new StringReader(text);
        return mlt.Like(reading, IndexFields.Body) as BooleanQuery ?? new BooleanQuery();
    }

    private static int DateKeyOf(Lucene.Net.Documents.Document document) => document.GetField(IndexFields.Date)?.GetInt32Value() ?? 0;

    /// <summary>A title compared without case or spacing differences.</summary>
    private static string TitleKey(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
