using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search.Indexing;

/// <summary>
/// Turns releases into Lucene documents, reusing one set of field objects for every document it builds.
/// A new field makes a new token stream for its value, and every new token stream asks Lucene.Net's
/// attribute factory for its attributes, which takes a process-wide lock and reflection: with a new
/// <see cref="Document"/> per release that was a noticeable part of a cold ingest (docs/performance.md,
/// "Design decisions and their measurements"). Not thread-safe: one builder per indexing thread, and a built
/// document must be handed to the writer before the next is built.
/// </summary>
internal sealed class ReleaseDocumentBuilder
{
    private readonly StringField id = new(IndexFields.Id, "", Field.Store.YES);
    private readonly NumericDocValuesField idValues = new(IndexFields.IdValues, 0);
    private readonly StringField slug = new(IndexFields.Slug, "", Field.Store.YES);
    private readonly StoredField url = new(IndexFields.Url, "");
    private readonly Field title = new(IndexFields.Title, "", IndexFields.StoredTextWithOffsets);
    private readonly BodyAnalysis bodyAnalysis;
    private readonly StoredField storedBody = new(IndexFields.Body, "");
    private readonly Field body;
    private readonly Field titleWords = new(IndexFields.TitleWords, "", IndexFields.WordsOnly);
    private readonly Field titleInWords = new(IndexFields.Words, "", IndexFields.WordsOnly);
    private readonly Field bodyInWords;
    private readonly StringField bodyHash = new(IndexFields.BodyHash, "", Field.Store.YES);
    private readonly Int32Field date = new(IndexFields.Date, 0, Field.Store.YES);
    private readonly NumericDocValuesField dateValues = new(IndexFields.DateValues, 0);
    private readonly StringField withdrawn = new(IndexFields.Status, IndexFields.WithdrawnValue, Field.Store.YES);
    private readonly List<(StringField Term, SortedSetDocValuesField Values)> ministers = [];
    private readonly List<(StringField Term, SortedSetDocValuesField Values)> portfolios = [];
    private readonly List<IIndexableField> fields = new(32);

    public ReleaseDocumentBuilder(ReleaseAnalyzer analyzer)
    {
        bodyAnalysis = new BodyAnalysis(analyzer);
        body = new Field(IndexFields.Body, bodyAnalysis.StemmedTerms, IndexFields.TextWithOffsets);
        bodyInWords = new Field(IndexFields.Words, bodyAnalysis.DistinctWords, IndexFields.WordsOnly);
    }

    /// <summary>The fields of <paramref name="release"/>'s document; valid until the next call.</summary>
    public IReadOnlyList<IIndexableField> Build(IndexedRelease release)
    {
        fields.Clear();
        id.SetStringValue(IndexFields.IdTerm(release.Id));
        idValues.SetInt64Value(release.Id);
        slug.SetStringValue(release.Slug);
        url.SetStringValue(release.SourceUrl);
        title.SetStringValue(release.Title);
        storedBody.SetStringValue(release.BodyText);
        bodyAnalysis.Begin(release.BodyText);
        titleWords.SetStringValue(release.Title);
        titleInWords.SetStringValue(release.Title);
        fields.AddRange([id, idValues, slug, url, title, storedBody, body, titleWords, titleInWords, bodyInWords]);

        if (release.BodyHash is { } hash)
        {
            bodyHash.SetStringValue(hash);
            fields.Add(bodyHash);
        }

        if (release.Date is { } day)
        {
            var key = IndexFields.DateKey(day);
            date.SetInt32Value(key);
            dateValues.SetInt64Value(key);
            fields.Add(date);
            fields.Add(dateValues);
        }

        if (release.Withdrawn)
        {
            fields.Add(withdrawn);
        }

        AddKeywords(IndexFields.Minister, release.MinisterSlugs, ministers);
        AddKeywords(IndexFields.Portfolio, release.PortfolioSlugs, portfolios);
        return fields;
    }

    /// <summary>Each slug as an exact term (filters) and a sorted-set doc value (facet counts), from a growing pool.</summary>
    private void AddKeywords(string name, IReadOnlyList<string> slugs, List<(StringField Term, SortedSetDocValuesField Values)> pool)
    {
        for (var i = 0; i < slugs.Count; i++)
        {
            if (i == pool.Count)
            {
                pool.Add((new StringField(name, "", Field.Store.YES), new SortedSetDocValuesField(name, new BytesRef())));
            }

            var (term, values) = pool[i];
            term.SetStringValue(slugs[i]);
            values.SetBytesValue(new BytesRef(slugs[i]));
            fields.Add(term);
            fields.Add(values);
        }
    }
}
