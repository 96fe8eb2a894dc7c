using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Primitives;
using PressReleases.Core.Search;

namespace PressReleases.Web.Pages.Releases;

/// <summary>A query-string value that could not be used, and why. Pages show it as a notice; the API answers 400.</summary>
public sealed record QueryProblem(string Parameter, string Message);

/// <summary>
/// Reads a release listing's query string into a <see cref="SearchRequest"/>. The pages and the JSON
/// API both use this, so the same URL parameters mean the same search everywhere. Bad values are
/// dropped (never fatal) and reported as problems.
/// </summary>
public static class ReleaseListQuery
{
    public const int MaxFacetLimit = 200;

    /// <summary>Most ministers (or portfolios) one listing may select; nobody clicks more, and a script's thousands would only cost time.</summary>
    public const int MaxSelected = 50;

    public static (SearchRequest Request, IReadOnlyList<QueryProblem> Problems) Parse(IQueryCollection query)
    {
        var problems = new List<QueryProblem>();

        // Over-long text is not a mistake to refuse: the search cuts it and says so in its reading.
        var text = WithoutControlCharacters(Single(query, "q"))?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            text = null;
        }

        var ministers = Slugs(query, "minister", problems);
        var portfolios = Slugs(query, "portfolio", problems);
        var from = Date(query, "from", problems);
        var to = Date(query, "to", problems);
        if (from is { } f && to is { } t && f > t)
        {
            problems.Add(new("to", string.Create(CultureInfo.InvariantCulture, $"The end date {t:yyyy-MM-dd} is before the start date {f:yyyy-MM-dd}.")));
            to = null;
        }

        var sort = Sort(query, problems);
        if (sort == SearchSort.Relevance && text is null)
        {
            // Without words to match, every release is equally relevant: list newest first.
            sort = null;
        }

        var pageSize = Integer(query, "pageSize", SearchRequest.DefaultPageSize, problems, minimum: 1);
        pageSize = Math.Min(pageSize, SearchRequest.MaxPageSize);
        var facetLimit = Integer(query, "facetLimit", SearchRequest.DefaultFacetLimit, problems, minimum: 0);
        facetLimit = Math.Min(facetLimit, MaxFacetLimit);
        var page = Integer(query, "page", 1, problems, minimum: int.MinValue);
        page = Math.Clamp(page, 1, Math.Max(1, SearchService.MaxResultWindow / pageSize));

        var request = new SearchRequest
        {
            Query = text,
            Ministers = ministers,
            Portfolios = portfolios,
            From = from,
            To = to,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
            FacetLimit = facetLimit,
        };
        return (request, problems);
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? LastNonEmpty(values) : null;

    private static string? LastNonEmpty(StringValues values)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(values[i]))
            {
                return values[i];
            }
        }

        return null;
    }

    private static List<string> Slugs(IQueryCollection query, string name, List<QueryProblem> problems)
    {
        var slugs = new List<string>();
        foreach (var raw in query[name])
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!Core.Releases.Slugs.IsWellFormed(value))
            {
                problems.Add(new(name, $"'{Shorten(value)}' is not a {name} slug (expected something like 'jacinda-ardern')."));
            }
            else if (!slugs.Contains(value))
            {
                if (slugs.Count == MaxSelected)
                {
                    problems.Add(new(name, string.Create(CultureInfo.InvariantCulture, $"At most {MaxSelected} values of {name} can be selected; the rest were ignored.")));
                    break;
                }

                slugs.Add(value);
            }
        }

        return slugs;
    }

    private static DateOnly? Date(IQueryCollection query, string name, List<QueryProblem> problems)
    {
        var value = Single(query, name)?.Trim();
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new(name, $"'{Shorten(value)}' is not a date (expected YYYY-MM-DD)."));
        return null;
    }

    private static SearchSort? Sort(IQueryCollection query, List<QueryProblem> problems)
    {
        var value = Single(query, "sort")?.Trim();
        switch (value?.ToLowerInvariant())
        {
            case null:
                return null;
            case "relevance":
                return SearchSort.Relevance;
            case "newest":
                return SearchSort.Newest;
            case "oldest":
                return SearchSort.Oldest;
            default:
                problems.Add(new("sort", $"'{Shorten(value)}' is not a sort order (expected relevance, newest or oldest)."));
                return null;
        }
    }

    private static int Integer(IQueryCollection query, string name, int fallback, List<QueryProblem> problems, int minimum)
    {
        var value = Single(query, name)?.Trim();
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= minimum)
        {
            return number;
        }

        problems.Add(new(name, minimum > int.MinValue
            ? string.Create(CultureInfo.InvariantCulture, $"'{Shorten(value)}' is not a whole number of at least {minimum}.")
            : string.Create(CultureInfo.InvariantCulture, $"'{Shorten(value)}' is not a whole number.")));
        return fallback;
    }

    /// <summary>
    /// Control characters and the other code points XML cannot carry (U+FFFE, U+FFFF, lone surrogates) become
    /// spaces: they never mean anything in a search, and the text is echoed into pages, feeds and JSON.
    /// </summary>
    private static string? WithoutControlCharacters(string? text)
    {
        if (text is null || !text.Any(c => char.IsControl(c) || !XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                cleaned.Append(c).Append(text[++i]);
            }
            else
            {
                cleaned.Append(char.IsControl(c) || !XmlConvert.IsXmlChar(c) ? ' ' : c);
            }
        }

        return cleaned.ToString();
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    /// <summary>The query-string name of a sort, or null for the default.</summary>
    public static string? SortName(SearchSort? sort) => sort switch
    {
        SearchSort.Relevance => "relevance",
        SearchSort.Newest => "newest",
        SearchSort.Oldest => "oldest",
        _ => null,
    };
}
