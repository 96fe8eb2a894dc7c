using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace PressReleases.Web.Tests.TestSupport;

public sealed record Link(string Slug, string Name);

/// <summary>One result of a listing as the page shows it.</summary>
public sealed record ListedRelease(
    string Slug,
    string Href,
    string Title,
    string? IsoDate,
    bool DateUnknown,
    IReadOnlyList<Link> Ministers,
    IReadOnlyList<Link> Portfolios,
    IElement TitleElement,
    IElement? Snippet);

/// <summary>One facet value: its name, its count and the link that toggles it.</summary>
public sealed record FacetEntry(string Name, int? Count, string Href, bool Selected);

/// <summary>A release listing (/releases, a minister's or a portfolio's page) read from its HTML.</summary>
public sealed partial class ListingPage
{
    private ListingPage(IHtmlDocument document)
    {
        Document = document;
    }

    public IHtmlDocument Document { get; }

    /// <summary>The number in "N releases", or null when the page shows none (index still building).</summary>
    public int? Count { get; private init; }

    public IReadOnlyList<ListedRelease> Results { get; private init; } = [];

    public IReadOnlyList<FacetEntry> MinisterFacet { get; private init; } = [];

    public IReadOnlyList<FacetEntry> PortfolioFacet { get; private init; } = [];

    public IReadOnlyList<FacetEntry> YearFacet { get; private init; } = [];

    /// <summary>Every link in the pagination.</summary>
    public IReadOnlyList<IHtmlAnchorElement> PaginationLinks { get; private init; } = [];

    public string? NextHref => PaginationLinks.FirstOrDefault(a => a.GetAttribute("rel") == "next")?.GetAttribute("href");

    /// <summary>The page marked aria-current in the pagination, if there is one.</summary>
    public int? CurrentPage =>
        PaginationLinks.FirstOrDefault(a => a.GetAttribute("aria-current") == "page") is { } current
            ? int.Parse(Digits(current.TextContent), CultureInfo.InvariantCulture)
            : null;

    public IEnumerable<string> Slugs => Results.Select(r => r.Slug);

    public static ListingPage Parse(IHtmlDocument document)
    {
        var countText = document.QuerySelector("h2.result-count")?.TextContent;
        return new ListingPage(document)
        {
            Count = countText is null ? null : int.Parse(Digits(countText), CultureInfo.InvariantCulture),
            Results = document.QuerySelectorAll("ol.results > li.result").Select(ParseResult).ToList(),
            MinisterFacet = Facet(document, "facet-minister"),
            PortfolioFacet = Facet(document, "facet-portfolio"),
            YearFacet = Facet(document, "facet-year"),
            PaginationLinks = document.QuerySelectorAll("nav.pagination a").OfType<IHtmlAnchorElement>().ToList(),
        };
    }

    /// <summary>The values of one query-string parameter of a link.</summary>
    public static StringValues QueryValues(string href, string name)
    {
        var question = href.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return StringValues.Empty;
        }

        return QueryHelpers.ParseQuery(href[question..]).TryGetValue(name, out var values) ? values : StringValues.Empty;
    }

    public static string PathOf(string href)
    {
        var question = href.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? href : href[..question];
    }

    private static ListedRelease ParseResult(IElement item)
    {
        var titleLink = item.QuerySelector(".result__title a") ?? throw new InvalidOperationException("A result has no title link: " + item.OuterHtml);
        var href = titleLink.GetAttribute("href")!;
        var path = PathOf(href);
        Assert.StartsWith("/releases/", path);
        var meta = item.QuerySelector(".result__meta");
        var time = meta?.QuerySelector("time");
        return new ListedRelease(
            path["/releases/".Length..],
            href,
            titleLink.TextContent.Trim(),
            time?.GetAttribute("datetime"),
            time is null && (meta?.TextContent.Contains("Date unknown", StringComparison.Ordinal) ?? false),
            Links(meta, "/ministers/"),
            Links(item.QuerySelector(".result__portfolios"), "/portfolios/"),
            titleLink,
            item.QuerySelector(".result__snippet"));
    }

    private static List<Link> Links(IElement? container, string prefix) =>
        container is null
            ? []
            : container.QuerySelectorAll("a")
                .Where(a => a.GetAttribute("href")?.StartsWith(prefix, StringComparison.Ordinal) == true)
                .Select(a => new Link(a.GetAttribute("href")![prefix.Length..], a.TextContent.Trim()))
                .ToList();

    private static List<FacetEntry> Facet(IHtmlDocument document, string id)
    {
        var section = document.QuerySelector($"section.facet[aria-labelledby='{id}']");
        if (section is null)
        {
            return [];
        }

        return section.QuerySelectorAll("a.facet__link").Select(a =>
        {
            var count = a.QuerySelector(".facet__count");
            var countText = count?.ChildNodes.OfType<IText>().FirstOrDefault()?.Data;
            return new FacetEntry(
                a.QuerySelector(".facet__name")!.TextContent.Trim(),
                countText is null ? null : int.Parse(Digits(countText), CultureInfo.InvariantCulture),
                a.GetAttribute("href")!,
                a.ClassList.Contains("is-selected"));
        }).ToList();
    }

    private static string Digits(string text)
    {
        var match = NumberPattern().Match(text);
        Assert.True(match.Success, $"No number in '{text}'");
        return match.Value.Replace(",", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex NumberPattern();
}
