using Lucene.Net.Index;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search;

/// <summary>
/// Reads the stored fields a search hit shows straight into plain values, for one document after another.
/// Loading a whole <see cref="Lucene.Net.Documents.Document"/> makes a field object and a field type per
/// stored value and decodes the body hash, which no hit shows; on a page of twenty hits that showed up in
/// what the search page allocated under load (docs/performance.md, "Design decisions and their
/// measurements"). Not thread-safe: one per search.
/// </summary>
internal sealed class HitFieldsVisitor : StoredFieldVisitor
{
    public string Id { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string Url { get; private set; } = "";

    public int DateKey { get; private set; }

    public bool Withdrawn { get; private set; }

    public List<string> MinisterSlugs { get; } = [];

    public List<string> PortfolioSlugs { get; } = [];

    /// <summary>Forgets the previous document's values; call before each document.</summary>
    public void Reset()
    {
        (Id, Slug, Title, Body, Url, DateKey, Withdrawn) = ("", "", "", "", "", 0, false);
        MinisterSlugs.Clear();
        PortfolioSlugs.Clear();
    }

    public override Status NeedsField(FieldInfo fieldInfo) => fieldInfo.Name switch
    {
        IndexFields.Id or IndexFields.Slug or IndexFields.Title or IndexFields.Body or IndexFields.Url
            or IndexFields.Date or IndexFields.Minister or IndexFields.Portfolio or IndexFields.Status => Status.YES,
        _ => Status.NO,
    };

    public override void StringField(FieldInfo fieldInfo, string value)
    {
        switch (fieldInfo.Name)
        {
            case IndexFields.Id: Id = value; break;
            case IndexFields.Slug: Slug = value; break;
            case IndexFields.Title: Title = value; break;
            case IndexFields.Body: Body = value; break;
            case IndexFields.Url: Url = value; break;
            case IndexFields.Minister: MinisterSlugs.Add(value); break;
            case IndexFields.Portfolio: PortfolioSlugs.Add(value); break;
            case IndexFields.Status: Withdrawn = value == IndexFields.WithdrawnValue; break;
        }
    }

    public override void Int32Field(FieldInfo fieldInfo, int value)
    {
        if (fieldInfo.Name == IndexFields.Date)
        {
            DateKey = value;
        }
    }
}
