using Microsoft.AspNetCore.Http;
using PressReleases.Core.Releases;
using PressReleases.Core.Search;
using PressReleases.Web.Listing;

namespace PressReleases.Web.Tests.Listing;

/// <summary>Listing links: every part of the state, encoded as ASP.NET Core's QueryString encodes it.</summary>
public class ListingStateTests
{
    [Theory]
    [InlineData("climate change")]
    [InlineData("\"trade talks\" -china")]
    [InlineData("R&D + 50% tax?")]
    [InlineData("Māori wellbeing ☃ 𝄞")]
    [InlineData("a=b&c=d#frag")]
    public void Url_EncodesEveryPart_LikeQueryString(string query)
    {
        var state = new ListingState(ListingScope.All, new SearchRequest
        {
            Query = query,
            Ministers = ["jacinda-ardern", "grant-robertson"],
            Portfolios = ["māori-affairs"],
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2019, 12, 31),
            Sort = SearchSort.Oldest,
            Page = 3,
        });

        var expected = "/releases" + QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("q", query),
            new("minister", "jacinda-ardern"),
            new("minister", "grant-robertson"),
            new("portfolio", "māori-affairs"),
            new("from", "2019-01-01"),
            new("to", "2019-12-31"),
            new("sort", "oldest"),
            new("page", "3"),
        }).ToUriComponent();
        Assert.Equal(expected, state.Url());
    }

    [Fact]
    public void Url_LeavesOutDefaults()
    {
        Assert.Equal("/releases", new ListingState(ListingScope.All, new SearchRequest { Query = "  " }).Url());
        Assert.Equal("/ministers/john-key?page=2", ListingState.For(ListingScope.For(NameKind.Minister, "john-key"), new SearchRequest { Page = 2 }).Url());
    }

    [Fact]
    public void Toggling_AddsOrRemovesOneValue_AndGoesBackToPageOne()
    {
        var state = new ListingState(ListingScope.All, new SearchRequest { Query = "tax", Ministers = ["a"], Page = 4 });
        Assert.Equal("/releases?q=tax&minister=a&minister=b", state.Toggle(NameKind.Minister, "b").Url());
        Assert.Equal("/releases?q=tax", state.Toggle(NameKind.Minister, "a").Url());
        Assert.Equal("/releases?q=tax&minister=a&portfolio=trade", state.Toggle(NameKind.Portfolio, "trade").Url());
    }

    [Fact]
    public void ScopedState_KeepsItsScopeInThePath_AndSearchesWithinIt()
    {
        var scope = ListingScope.For(NameKind.Portfolio, "trade");
        var state = ListingState.For(scope, new SearchRequest { Query = "japan", Portfolios = ["health"], Ministers = ["john-key"] });

        Assert.Equal("/portfolios/trade?q=japan&minister=john-key", state.Url());
        Assert.Equal(["trade"], state.Search.Portfolios);
        Assert.Equal(["john-key"], state.Search.Ministers);
    }

    [Fact]
    public void Form_KeepsLinkChosenFiltersHidden_AndClearingFiltersKeepsWordsAndOrder()
    {
        var state = new ListingState(ListingScope.All, new SearchRequest
        {
            Query = "tax",
            Ministers = ["a", "b"],
            Portfolios = ["trade"],
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2019, 12, 31),
            Sort = SearchSort.Oldest,
            Page = 3,
        });

        Assert.Equal([("minister", "a"), ("minister", "b"), ("portfolio", "trade")], ListingParameters.HiddenInForm(state.Request));
        Assert.True(state.HasFilters);
        var cleared = state.WithoutFilters();
        Assert.False(cleared.HasFilters);
        Assert.Equal("/releases?q=tax&sort=oldest", cleared.Url());
    }
}
