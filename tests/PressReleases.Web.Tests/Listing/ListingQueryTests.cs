using Microsoft.AspNetCore.Http;
using PressReleases.Core.Search;
using PressReleases.Web.Listing;

namespace PressReleases.Web.Tests.Listing;

/// <summary>The parameter table read back what it writes, and each surface takes only its own parameters.</summary>
public class ListingQueryTests
{
    private static IQueryCollection Query(string queryString) => new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString));

    [Fact]
    public void Parse_ReadsBackEveryParameterALinkWrites()
    {
        var request = new SearchRequest
        {
            Query = "trade \"free trade\" -china",
            Ministers = ["jacinda-ardern", "grant-robertson"],
            Portfolios = ["trade"],
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2019, 12, 31),
            Sort = SearchSort.Oldest,
            Page = 3,
            PageSize = 50,
            FacetLimit = 5,
        };

        var link = ListingParameters.Link("/api/releases", request, ListingSurface.Api);
        var (parsed, problems) = ListingQuery.Parse(Query(link[link.IndexOf('?')..]), ListingSurface.Api);

        Assert.Empty(problems);
        Assert.Equal(request with { Ministers = [], Portfolios = [] }, parsed with { Ministers = [], Portfolios = [] });
        Assert.Equal(request.Ministers, parsed.Ministers);
        Assert.Equal(request.Portfolios, parsed.Portfolios);
    }

    [Theory]
    [InlineData(ListingSurface.Api, "q minister portfolio from to sort page pageSize facetLimit")]
    [InlineData(ListingSurface.Page, "q minister portfolio from to sort page")]
    [InlineData(ListingSurface.Export, "q minister portfolio from to sort")]
    [InlineData(ListingSurface.Feed, "q minister portfolio from to")]
    [InlineData(ListingSurface.Trend, "q minister portfolio from to")]
    public void EachSurface_ReportsProblemsOnlyForTheParametersItTakes(ListingSurface surface, string taken)
    {
        var bad = "minister=Not%20A%20Slug&portfolio=%20x%20y&from=soon&to=later&sort=random&page=x&pageSize=0&facetLimit=-1";
        var (_, problems) = ListingQuery.Parse(Query("?q=ok&" + bad), surface);

        Assert.Equal(taken.Split(' ').Where(p => p != "q").Order(StringComparer.Ordinal), problems.Select(p => p.Parameter).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_SettlesRulesThatNeedSeveralParameters()
    {
        var (backwards, problems) = ListingQuery.Parse(Query("?from=2020-01-01&to=2019-01-01&sort=relevance&page=999999"), ListingSurface.Page);

        Assert.Equal(new DateOnly(2020, 1, 1), backwards.From);
        Assert.Null(backwards.To);
        Assert.Equal("to", Assert.Single(problems).Parameter);
        Assert.Null(backwards.Sort);
        Assert.Equal(SearchService.MaxResultWindow / SearchRequest.DefaultPageSize, backwards.Page);
    }
}
