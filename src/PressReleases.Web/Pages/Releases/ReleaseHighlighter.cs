using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Highlighting;
using PressReleases.Core.Search.Querying;
using PressReleases.Core.Store;

namespace PressReleases.Web.Pages.Releases;

/// <summary>A release as the page shows it after a search: title and body with the query's matches marked.</summary>
/// <param name="TitleHtml">Encoded title text with &lt;mark&gt; around matches.</param>
/// <param name="BodyHtml">The sanitised body with &lt;mark id="match-N"&gt; around matches.</param>
/// <param name="MatchCount">Matches marked in the body (the title's are not counted: the jump link goes to the text).</param>
public sealed record ReleaseHighlight(string Query, string TitleHtml, string BodyHtml, int MatchCount, bool LimitReached)
{
    public string FirstMatchAnchor => "#" + HtmlHighlighter.IdPrefix + "1";
}

/// <summary>
/// Reads the search that led to a release with the same parser as the listing, so the page marks exactly
/// the words the search matched (stems, folded diacritics, prefixes), not the raw text typed.
/// </summary>
public sealed class ReleaseHighlighter(ReleaseAnalyzer analyzer, ReleaseCatalog catalog)
{
    private readonly UserQueryParser parser = new(analyzer);
    private readonly SnippetBuilder titles = new(analyzer);
    private readonly HtmlHighlighter bodies = new(analyzer);

    public async Task<ReleaseHighlight> HighlightAsync(ReleaseDetail release, string query, CancellationToken cancellationToken)
    {
        // The names let minister: and portfolio: be read as filters, so their words are not marked as text.
        var (ministers, portfolios) = await catalog.NamesAsync(cancellationToken);
        var parsed = parser.Parse(query, ministers, portfolios);
        var body = bodies.Highlight(release.BodyHtml, parsed.HighlightTerms, parsed.HighlightPrefixes);
        return new ReleaseHighlight(
            query,
            titles.Highlight(release.Title, parsed.HighlightTerms, parsed.HighlightPrefixes),
            body.Html,
            body.MatchCount,
            body.LimitReached);
    }
}
