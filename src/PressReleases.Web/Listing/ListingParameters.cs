using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.OpenApi;
using PressReleases.Core.Releases;
using PressReleases.Core.Search;

namespace PressReleases.Web.Listing;

/// <summary>
/// The one table of a listing's URL parameters. A listing's query string is read (<see cref="ListingQuery"/>),
/// its links are written (<see cref="Link"/>) and the OpenAPI description lists its parameters
/// (<see cref="ListingOpenApi"/>) from these rows alone, in this order, so a new filter is a new row here.
/// </summary>
public static class ListingParameters
{
    public const int MaxFacetLimit = 200;

    /// <summary>Most ministers (or portfolios) one listing may select; nobody clicks more, and a script's thousands would only cost time.</summary>
    public const int MaxSelected = 50;

    /// <summary>The orders by their names in URLs.</summary>
    public static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>(StringComparer.Ordinal)
    {
        ["relevance"] = SearchSort.Relevance,
        ["newest"] = SearchSort.Newest,
        ["oldest"] = SearchSort.Oldest,
    };

    /// <summary>The release statuses by their names in URLs.</summary>
    public static readonly IReadOnlyDictionary<string, ReleaseStatus> Statuses = new Dictionary<string, ReleaseStatus>(StringComparer.Ordinal)
    {
        ["current"] = ReleaseStatus.Current,
        ["withdrawn"] = ReleaseStatus.Withdrawn,
        ["all"] = ReleaseStatus.All,
    };

    private const ListingSurface Everywhere = ListingSurface.Page | ListingSurface.Api | ListingSurface.Export | ListingSurface.Feed | ListingSurface.Trend;

    public static IReadOnlyList<ListingParameter> All { get; } =
    [
        new()
        {
            Name = "q",
            Description = "Search words, in the query language of /help/search (phrases in quotes, -exclude, OR, prefix*, title:, minister:, portfolio:). Up to 1,000 characters.",
            Surfaces = Everywhere,
            Type = JsonSchemaType.String,
            Read = (values, request, _) => request with { Query = ParameterValues.Text(values) },
            Write = request => request.HasQuery ? [request.Query!] : [],
            Form = FormCarry.OwnField,
        },
        Names(NameKind.Minister, "A minister's slug, e.g. jacinda-ardern. Repeat for any of several ministers."),
        Names(NameKind.Portfolio, "A portfolio's slug, e.g. trade. Repeat for any of several portfolios (and with minister: both must match)."),
        Date("from", "First release date, inclusive (YYYY-MM-DD).", request => request.From, (request, date) => request with { From = date }),
        Date("to", "Last release date, inclusive (YYYY-MM-DD); not before from.", request => request.To, (request, date) => request with { To = date }) with
        {
            Settle = (request, problems) =>
            {
                if (request is not { From: { } from, To: { } to } || from <= to)
                {
                    return request;
                }

                problems.Add(new("to", string.Create(CultureInfo.InvariantCulture, $"The end date {to:yyyy-MM-dd} is before the start date {from:yyyy-MM-dd}.")));
                return request with { To = null };
            },
        },
        new()
        {
            Name = "status",
            Description = "Which releases: current (default; still published), withdrawn (their files left the source; each still readable at its permalink, which answers 410) or all.",
            Surfaces = Everywhere,
            Type = JsonSchemaType.String,
            Values = [.. Statuses.Keys],
            Read = (values, request, problems) => request with
            {
                Status = ParameterValues.Choice("status", values, Statuses, "a release status", "current, withdrawn or all", problems) ?? ReleaseStatus.Current,
            },
            Write = request => request.Status != ReleaseStatus.Current ? [StatusName(request.Status)] : [],
            Clear = request => request with { Status = ReleaseStatus.Current },
        },
        new()
        {
            Name = "sort",
            Description = "Order: relevance (default with q), newest (default without q) or oldest. Undated releases come last.",
            Surfaces = ListingSurface.Page | ListingSurface.Api | ListingSurface.Export,
            Type = JsonSchemaType.String,
            Values = [.. Sorts.Keys],
            Read = (values, request, problems) => request with { Sort = ParameterValues.Choice("sort", values, Sorts, "a sort order", "relevance, newest or oldest", problems) },
            Write = request => request.Sort is { } sort ? [SortName(sort)] : [],
            Form = FormCarry.OwnField,

            // Without words to match, every release is equally relevant: list newest first.
            Settle = (request, _) => request is { Sort: SearchSort.Relevance, HasQuery: false } ? request with { Sort = null } : request,
        },
        new()
        {
            Name = "page",
            Description = "1-based page number; a page past the end answers the last page. At most 10,000 results are reachable by paging.",
            Surfaces = ListingSurface.Page | ListingSurface.Api,
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Read = (values, request, problems) => request with { Page = ParameterValues.Integer("page", values, 1, int.MinValue, problems) },
            Write = request => request.Page > 1 ? [request.Page.ToString(CultureInfo.InvariantCulture)] : [],
            Form = FormCarry.Dropped,
            Settle = (request, _) => request with { Page = Math.Clamp(request.Page, 1, Math.Max(1, SearchService.MaxResultWindow / request.PageSize)) },
        },
        new()
        {
            Name = "pageSize",
            Description = "Results per page, 1–100 (default 20).",
            Surfaces = ListingSurface.Api,
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Read = (values, request, problems) => request with
            {
                PageSize = Math.Min(ParameterValues.Integer("pageSize", values, SearchRequest.DefaultPageSize, 1, problems), SearchRequest.MaxPageSize),
            },
            Write = request => request.PageSize != SearchRequest.DefaultPageSize ? [request.PageSize.ToString(CultureInfo.InvariantCulture)] : [],
        },
        new()
        {
            Name = "facetLimit",
            Description = "Minister and portfolio facet values returned, 0–200 (default 20); counts are always exact.",
            Surfaces = ListingSurface.Api,
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Read = (values, request, problems) => request with
            {
                FacetLimit = Math.Min(ParameterValues.Integer("facetLimit", values, SearchRequest.DefaultFacetLimit, 0, problems), MaxFacetLimit),
            },
            Write = request => request.FacetLimit != SearchRequest.DefaultFacetLimit ? [request.FacetLimit.ToString(CultureInfo.InvariantCulture)] : [],
        },
    ];

    public static string SortName(SearchSort sort) => Sorts.First(s => s.Value == sort).Key;

    public static string StatusName(ReleaseStatus status) => Statuses.First(s => s.Value == status).Key;

    /// <summary>The parameters that narrow what is listed (the minister, portfolio and date filters).</summary>
    public static IEnumerable<ListingParameter> Filters => All.Where(p => p.IsFilter);

    /// <summary>The values the listing page's form keeps as hidden inputs, so a new search keeps the filters chosen by links.</summary>
    public static IEnumerable<(string Name, string Value)> HiddenInForm(SearchRequest request) =>
        All.Where(p => p.IsOn(ListingSurface.Page) && p.Form == FormCarry.Hidden).SelectMany(p => p.Write(request).Select(value => (p.Name, value)));

    /// <summary>
    /// <paramref name="path"/> with the query string of <paramref name="request"/>'s parameters that
    /// <paramref name="surface"/> takes, defaults left out. Written straight into one builder: a listing page
    /// has some fifty of these links (facets, pages).
    /// </summary>
    public static string Link(string path, SearchRequest request, ListingSurface surface)
    {
        var url = new StringBuilder(path, path.Length + 64 + (request.Query?.Length ?? 0));
        using var writer = new StringWriter(url, CultureInfo.InvariantCulture);
        var separator = '?';
        foreach (var parameter in All)
        {
            if (!parameter.IsOn(surface))
            {
                continue;
            }

            foreach (var value in parameter.Write(request))
            {
                writer.Write(separator);
                writer.Write(parameter.Name);
                writer.Write('=');
                UrlEncoder.Default.Encode(writer, value);
                separator = '&';
            }
        }

        return url.ToString();
    }

    /// <summary>A date filter: one inclusive bound of the release date.</summary>
    private static ListingParameter Date(string name, string description, Func<SearchRequest, DateOnly?> get, Func<SearchRequest, DateOnly?, SearchRequest> set) => new()
    {
        Name = name,
        Description = description,
        Surfaces = Everywhere,
        Type = JsonSchemaType.String,
        Format = "date",
        Read = (values, request, problems) => set(request, ParameterValues.Date(name, values, problems)),
        Write = request => get(request) is { } date ? [ParameterValues.IsoDate(date)] : [],
        Clear = request => set(request, null),
        Form = FormCarry.OwnField,
    };

    /// <summary>A minister or portfolio filter: slugs, several meaning any of them.</summary>
    private static ListingParameter Names(NameKind kind, string description) => new()
    {
        Name = kind.Singular,
        Description = description,
        Surfaces = Everywhere,
        Type = JsonSchemaType.String,
        Repeatable = true,
        Read = (values, request, problems) => request.WithSelected(kind, ParameterValues.Slugs(kind.Singular, values, problems)),
        Write = request => request.Selected(kind),
        Clear = request => request.WithSelected(kind, []),
    };
}
