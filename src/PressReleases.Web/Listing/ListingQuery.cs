using PressReleases.Core.Search;

namespace PressReleases.Web.Listing;

/// <summary>
/// Reads a listing's query string into a <see cref="SearchRequest"/>, row by row of <see cref="ListingParameters.All"/>,
/// so the same URL parameters mean the same search on every surface. Parameters the surface does not take are
/// ignored (a copied listing URL may carry them); bad values are dropped, never fatal, and reported.
/// </summary>
public static class ListingQuery
{
    public static (SearchRequest Request, IReadOnlyList<QueryProblem> Problems) Parse(IQueryCollection query, ListingSurface surface)
    {
        var problems = new List<QueryProblem>();
        var request = new SearchRequest();
        var parameters = ListingParameters.All.Where(p => p.IsOn(surface)).ToList();
        foreach (var parameter in parameters)
        {
            request = parameter.Read(query[parameter.Name], request, problems);
        }

        foreach (var parameter in parameters)
        {
            request = parameter.Settle?.Invoke(request, problems) ?? request;
        }

        return (request, problems);
    }
}
