using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using PressReleases.Core.Search;

namespace PressReleases.Web.Listing;

/// <summary>
/// One query-string parameter of a listing: what it is called and means, which surfaces take it, how its text
/// becomes part of a <see cref="SearchRequest"/> and how that part is written back into a link. Parsing, link
/// building and the OpenAPI description all read these, from <see cref="ListingParameters.All"/>.
/// </summary>
public sealed record ListingParameter
{
    public required string Name { get; init; }

    /// <summary>What the parameter means, for the OpenAPI description.</summary>
    public required string Description { get; init; }

    public required ListingSurface Surfaces { get; init; }

    public required JsonSchemaType Type { get; init; }

    /// <summary>The OpenAPI format ("date", "int32"), if any.</summary>
    public string? Format { get; init; }

    /// <summary>Whether the parameter may be given several times (an array in the description).</summary>
    public bool Repeatable { get; init; }

    /// <summary>The only values it takes, when there are few.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Reads the parameter's values into the request; a value it cannot use is left out and reported.</summary>
    public required Func<StringValues, SearchRequest, List<QueryProblem>, SearchRequest> Read { get; init; }

    /// <summary>The values a link carries for this part of the request: none when it has the default.</summary>
    public required Func<SearchRequest, IEnumerable<string>> Write { get; init; }

    /// <summary>A rule that needs the other parameters read first (a date range in order, a page within reach).</summary>
    public Func<SearchRequest, List<QueryProblem>, SearchRequest>? Settle { get; init; }

    /// <summary>Set for filters: the request without this filter ("Clear all filters" applies every one).</summary>
    public Func<SearchRequest, SearchRequest>? Clear { get; init; }

    /// <summary>How the listing page's form carries the parameter into the next search.</summary>
    public FormCarry Form { get; init; } = FormCarry.Hidden;

    public bool IsFilter => Clear is not null;

    public bool IsOn(ListingSurface surface) => (Surfaces & surface) != 0;
}

/// <summary>How the listing form carries a parameter when it is submitted.</summary>
public enum FormCarry
{
    /// <summary>As hidden inputs holding the current values: filters chosen by links (facets, the URL).</summary>
    Hidden,

    /// <summary>In a field of its own that shows the value and lets it be changed (the words, the dates, the order).</summary>
    OwnField,

    /// <summary>Not at all: a new search starts again at page 1.</summary>
    Dropped,
}
