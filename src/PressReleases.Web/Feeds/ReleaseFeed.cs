using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using PressReleases.Core.Search;

namespace PressReleases.Web.Feeds;

/// <summary>A listing's releases as an Atom feed: one entry per dated release, newest first.</summary>
internal static partial class ReleaseFeed
{
    /// <param name="siteBase">The origin absolute links and ids start with (<see cref="Discovery.SiteUrl"/>).</param>
    /// <param name="listingPath">The HTML listing the feed follows; with <paramref name="siteBase"/> also the feed's id.</param>
    /// <param name="emptyUpdated">The feed's updated time when it has no entries (Atom requires one).</param>
    public static SyndicationFeed Build(string title, string siteBase, string listingPath, string selfPath, IReadOnlyList<SearchHit> hits, DateTimeOffset emptyUpdated)
    {
        var listing = new Uri(siteBase + listingPath);
        var items = hits.Where(h => h.Date is not null).Select(h => Entry(h, siteBase)).ToList();
        var feed = new SyndicationFeed(items)
        {
            Title = new TextSyndicationContent(XmlText(title)),
            Id = listing.AbsoluteUri,
            LastUpdatedTime = items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : emptyUpdated,
            Generator = "PressReleases",
            Copyright = new TextSyndicationContent("Press releases © New Zealand Crown, from beehive.govt.nz"),
        };

        // Atom needs an author for the feed or for every entry; releases without a named minister inherit this one.
        feed.Authors.Add(new SyndicationPerson { Name = "New Zealand Government", Uri = "https://www.beehive.govt.nz/" });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(siteBase + selfPath), "application/atom+xml"));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(listing, "text/html"));
        return feed;
    }

    private static SyndicationItem Entry(SearchHit hit, string siteBase)
    {
        var permalink = new Uri($"{siteBase}/releases/{hit.Slug}");

        // A release has a date, not a time: midnight UTC of that date, for published and updated alike,
        // so an entry's times never change between requests.
        var at = new DateTimeOffset(hit.Date!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var item = new SyndicationItem
        {
            Id = permalink.AbsoluteUri,
            Title = new TextSyndicationContent(XmlText(hit.Title)),
            LastUpdatedTime = at,
            PublishDate = at,
        };

        var summary = XmlText(PlainText(hit.SnippetHtml));
        if (summary.Length > 0)
        {
            item.Summary = new TextSyndicationContent(summary);
        }

        item.Links.Add(SyndicationLink.CreateAlternateLink(permalink, "text/html"));
        if (Uri.TryCreate(hit.SourceUrl, UriKind.Absolute, out var original))
        {
            item.Links.Add(new SyndicationLink(original, "via", "The original on beehive.govt.nz", "text/html", 0));
        }

        foreach (var minister in hit.Ministers)
        {
            item.Authors.Add(new SyndicationPerson { Name = XmlText(minister.Name), Uri = $"{siteBase}/ministers/{minister.Slug}" });
        }

        foreach (var portfolio in hit.Portfolios)
        {
            item.Categories.Add(new SyndicationCategory(portfolio.Slug, $"{siteBase}/portfolios/", XmlText(portfolio.Name)));
        }

        return item;
    }

    /// <summary>The snippet is encoded text with &lt;mark&gt; tags: drop the tags, decode the text.</summary>
    private static string PlainText(string snippetHtml) => WebUtility.HtmlDecode(Tags().Replace(snippetHtml, "")).Trim();

    /// <summary>
    /// The text without the characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF),
    /// which real release bodies do contain (a vertical tab from a word processor): the feed writer would
    /// otherwise throw mid-response. A control character becomes a space, so words either side stay apart.
    /// </summary>
    internal static string XmlText(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(c))
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                c = ' ';
            }

            builder?.Append(c);
        }

        return builder?.ToString() ?? text;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
