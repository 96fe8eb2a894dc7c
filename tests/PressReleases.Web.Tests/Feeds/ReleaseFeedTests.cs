using System.Globalization;
using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Feeds;

/// <summary>/feeds/releases.atom and the feed links of the listings, over <see cref="FeedsAndExportsFixture"/>.</summary>
public sealed class ReleaseFeedTests(FeedsAndExportsFixture site) : IClassFixture<FeedsAndExportsFixture>
{
    private const int FeedSize = 50;

    private HttpClient Client => site.Client;

    private string Base => Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

    /// <summary>The dated releases the API lists for <paramref name="query"/>, newest first: what the feed should hold (before its cap).</summary>
    private async Task<List<ApiReleaseItem>> DatedNewestAsync(string query)
    {
        var all = await Client.GetAllReleasesAsync(query.Length > 0 ? query + "&sort=newest" : "sort=newest");
        return all.Where(i => i.Date is not null).ToList();
    }

    [Fact]
    public async Task Feed_IsAtom_WithTheNewestDatedReleasesFirst()
    {
        var response = await Client.GetFeedAsync("/feeds/releases.atom");
        Assert.Equal("application/atom+xml", response.MediaType);
        Assert.Equal("utf-8", response.CharSet);

        var expected = (await DatedNewestAsync("")).Take(FeedSize).ToList();
        var entries = response.Feed.Items.ToList();
        Assert.Equal(Math.Min(FeedSize, FeedsAndExportsFixture.All.Count - 1), entries.Count);
        Assert.Equal(expected.Select(i => $"{Base}/releases/{i.Slug}"), entries.Select(e => e.Id));
        Assert.Equal(expected.Select(i => i.Title), entries.Select(e => e.Title.Text));

        var dates = entries.Select(e => e.LastUpdatedTime).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal(DateOnly.Parse(expected[0].Date!, CultureInfo.InvariantCulture), DateOnly.FromDateTime(response.Feed.LastUpdatedTime.UtcDateTime));
        Assert.DoesNotContain(entries, e => e.Id.EndsWith("/" + FeedsAndExportsFixture.Undated.Slug, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entries_CarryPermalinksDatesNamesAndTheOriginal()
    {
        var feed = (await Client.GetFeedAsync("/feeds/releases.atom?minister=" + FeedsAndExportsFixture.OtherSlug)).Feed;
        var joint = feed.Items.Single(e => e.Id == $"{Base}/releases/{FeedsAndExportsFixture.Joint.Slug}");
        var api = await Client.GetReleaseAsync(FeedsAndExportsFixture.Joint.Slug);

        Assert.Equal(new Uri(joint.Id), joint.Link("alternate"));
        Assert.Equal(new Uri(api.Url), joint.Link("via"));
        Assert.Equal(api.Date, joint.PublishDate.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(joint.PublishDate, joint.LastUpdatedTime);
        Assert.Equal(api.Ministers.Select(m => m.Name), joint.Authors.Select(a => a.Name));
        Assert.Equal(api.Portfolios.Select(p => p.Name), joint.Categories.Select(c => c.Label));
        Assert.Equal("Housing and trade ministers speak together.", joint.Summary.Text);

        foreach (var entry in feed.Items)
        {
            Assert.DoesNotContain('<', entry.Summary?.Text ?? "");
            var page = await Client.GetAsync(new Uri(entry.Id).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task ControlCharacterInARelease_NeverBreaksTheFeed()
    {
        var response = await Client.GetAsync("/feeds/releases.atom?q=pasted+word+processor");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var feed = (await Client.GetFeedAsync("/feeds/releases.atom?q=pasted+word+processor")).Feed;
        var entry = feed.Items.Single(e => e.Id == $"{Base}/releases/{FeedsAndExportsFixture.ControlCharacter.Slug}");
        var summary = ((System.ServiceModel.Syndication.TextSyndicationContent)entry.Summary).Text;
        Assert.Contains("figures were pasted", summary, StringComparison.Ordinal);
        Assert.DoesNotContain('\v', summary);
    }

    [Fact]
    public async Task EntryIds_AreStableAcrossRequests()
    {
        var first = (await Client.GetFeedAsync("/feeds/releases.atom?q=housing")).Feed;
        var second = (await Client.GetFeedAsync("/feeds/releases.atom?q=housing")).Feed;

        Assert.NotEmpty(first.Items);
        Assert.Equal(first.Items.Select(e => (e.Id, e.LastUpdatedTime)), second.Items.Select(e => (e.Id, e.LastUpdatedTime)));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.LastUpdatedTime, second.LastUpdatedTime);
    }

    [Theory]
    [InlineData(FeedsAndExportsFixture.BusySlug, FeedsAndExportsFixture.Busy)]
    [InlineData(FeedsAndExportsFixture.OtherSlug, FeedsAndExportsFixture.Other)]
    public async Task MinistersFeed_HoldsOnlyThatMinistersReleases(string slug, string name)
    {
        var feed = (await Client.GetFeedAsync("/feeds/releases.atom?minister=" + slug)).Feed;
        var api = await Client.GetReleaseListAsync("minister=" + slug);
        var dated = await DatedNewestAsync("minister=" + slug);
        var person = name.Replace("Hon ", "", StringComparison.Ordinal);

        // Undated releases are left out of feeds: min(50, the API's total less its undated releases).
        var undated = (await Client.GetAllReleasesAsync("minister=" + slug)).Count(i => i.Date is null);
        Assert.Equal(Math.Min(FeedSize, api.Total - undated), feed.Items.Count());
        Assert.All(feed.Items, e => Assert.Contains(person, e.Authors.Select(a => a.Name)));
        Assert.Equal(dated.Take(FeedSize).Select(i => $"{Base}/releases/{i.Slug}"), feed.Items.Select(e => e.Id));
        Assert.Contains(person, feed.Title.Text, StringComparison.Ordinal);
        Assert.Equal($"{Base}/releases?minister={slug}", feed.Id);
        Assert.Equal(new Uri(feed.Id), feed.Link("alternate"));
        Assert.Equal(new Uri($"{Base}/feeds/releases.atom?minister={slug}"), feed.Link("self"));
    }

    [Fact]
    public async Task BusyMinistersFeed_IsCapped_AndCountsAgainstTheApi()
    {
        var api = await Client.GetReleaseListAsync("minister=" + FeedsAndExportsFixture.BusySlug);
        var feed = (await Client.GetFeedAsync("/feeds/releases.atom?minister=" + FeedsAndExportsFixture.BusySlug)).Feed;

        // Every release of this minister is dated, so the feed holds min(50, total).
        Assert.Equal(FeedsAndExportsFixture.BusyOwnReleases + 1, api.Total);
        Assert.Equal(Math.Min(FeedSize, api.Total), feed.Items.Count());
    }

    [Fact]
    public async Task Sort_IsIgnored_AndASearchFeedNamesItsWords()
    {
        var feed = (await Client.GetFeedAsync("/feeds/releases.atom?q=geothermal&sort=oldest")).Feed;
        var expected = await DatedNewestAsync("q=geothermal");

        Assert.Equal(expected.Take(FeedSize).Select(i => $"{Base}/releases/{i.Slug}"), feed.Items.Select(e => e.Id));
        Assert.Equal("PressReleases: “geothermal”", feed.Title.Text);
        Assert.Equal($"{Base}/releases?q=geothermal&sort=newest", feed.Id);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("minister=Not%20A%20Slug")]
    [InlineData("from=2020-02-01&to=2020-01-01")]
    public async Task InvalidParameters_Answer400ProblemDetails(string query)
    {
        var response = await Client.GetJsonAsync("/feeds/releases.atom?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.True(response.Root.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("/releases?q=housing", "/feeds/releases.atom?q=housing")]
    [InlineData("/releases?q=housing&sort=oldest&page=2", "/feeds/releases.atom?q=housing")]
    [InlineData("/ministers/" + FeedsAndExportsFixture.BusySlug + "?q=homes", "/feeds/releases.atom?q=homes&minister=" + FeedsAndExportsFixture.BusySlug)]
    [InlineData("/portfolios/trade", "/feeds/releases.atom?portfolio=trade")]
    public async Task Listings_AdvertiseAndLinkTheirFeed(string listing, string feedUrl)
    {
        var page = await Client.GetPageAsync(listing);

        var advertised = page.Head!.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Single();
        Assert.Equal(feedUrl, advertised.GetAttribute("href"));
        Assert.StartsWith("PressReleases: ", advertised.GetAttribute("title"), StringComparison.Ordinal);

        var visible = page.QuerySelectorAll("a").Where(a => a.TextContent.Trim() == "Atom feed").Single();
        Assert.Equal(feedUrl, visible.GetAttribute("href"));
        Assert.NotEmpty((await Client.GetFeedAsync(feedUrl)).Feed.Items);
    }
}
