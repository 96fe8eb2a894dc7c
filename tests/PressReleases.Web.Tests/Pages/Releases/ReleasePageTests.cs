using System.Net;
using System.Text.RegularExpressions;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>/releases/{slug}, the permalink page, over the seed releases.</summary>
public sealed partial class ReleasePageTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    private HttpClient Client => site.Client;

    /// <summary>A seed release with ministers, portfolios and attachments, a plain title and a URL-safe url slug.</summary>
    private static ReleaseFileInfo ReleaseWithEverything()
    {
        var segments = SeedCorpus.Accepted.GroupBy(f => f.UrlSegment).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();
        return SeedCorpus.Accepted.First(f =>
            f.Attachments.Count > 1 && f.Ministers.Count > 0 && f.Portfolios.Count > 0 && f.KnownDate is not null
            && SafeSlug().IsMatch(f.UrlSegment) && segments.Contains(f.UrlSegment)
            && !f.Title.Contains('<') && !f.Title.Contains('&')
            && FirstPlainSentence(f.Body) is not null);
    }

    [Fact]
    public async Task ShowsTitleDatePeopleBody_SourceLinkAndAttachments()
    {
        var file = ReleaseWithEverything();
        var page = await Client.GetPageAsync($"/releases/{file.UrlSegment}");
        var article = page.QuerySelector("article.release");
        Assert.NotNull(article);

        Assert.Equal(Collapse(file.Title), Collapse(article.QuerySelector("h1")!.TextContent));
        Assert.Equal(file.Date, article.QuerySelector(".release__date time")?.GetAttribute("datetime"));

        var ministerLinks = article.QuerySelectorAll(".release__people a[href^='/ministers/']").ToList();
        Assert.Equal(file.MinisterPeople.Select(Normalise), ministerLinks.Select(a => Normalise(a.TextContent)));
        var portfolioLinks = article.QuerySelectorAll(".release__people a[href^='/portfolios/']").ToList();
        Assert.Equal(file.Portfolios.Select(Normalise), portfolioLinks.Select(a => Normalise(a.TextContent)));

        var body = article.QuerySelector(".release__body");
        Assert.NotNull(body);
        Assert.NotEmpty(body.QuerySelectorAll("p"));
        Assert.Contains(FirstPlainSentence(file.Body)!, Collapse(body.TextContent), StringComparison.Ordinal);

        Assert.Contains(article.QuerySelectorAll("a"), a => a.GetAttribute("href") == file.Url);

        var attachments = article.QuerySelectorAll(".release__attachments a").ToList();
        Assert.Equal(file.Attachments, attachments.Select(a => a.GetAttribute("href")));
        Assert.Equal(file.Attachments.Select(a => Uri.UnescapeDataString(a.Split('/')[^1])), attachments.Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task MinisterAndPortfolioLinks_LeadToPagesThatListTheRelease()
    {
        var file = ReleaseWithEverything();
        var page = await Client.GetPageAsync($"/releases/{file.UrlSegment}");
        var links = page.QuerySelectorAll(".release__people a").Select(a => (Href: a.GetAttribute("href")!, Name: a.TextContent.Trim())).ToList();
        Assert.Equal(file.MinisterPeople.Count() + file.Portfolios.Count, links.Count);

        foreach (var (href, name) in links)
        {
            var listing = await Client.GetPageAsync(href);
            Assert.Equal(name, listing.QuerySelector("h1")?.TextContent.Trim());

            var (parameter, slug) = href.StartsWith("/ministers/", StringComparison.Ordinal)
                ? ("minister", href["/ministers/".Length..])
                : ("portfolio", href["/portfolios/".Length..]);
            var releases = await Client.GetAllReleasesAsync($"{parameter}={slug}");
            Assert.Contains(releases, r => r.Slug == file.UrlSegment);
        }
    }

    [Fact]
    public async Task Api_GivesTheSameRelease_WithItsHtmlAndAttachments()
    {
        var file = ReleaseWithEverything();
        var release = await Client.GetReleaseAsync(file.UrlSegment);

        Assert.Equal(file.UrlSegment, release.Slug);
        Assert.Equal(Collapse(file.Title), release.Title);
        Assert.Equal(file.Date, release.Date);
        Assert.Equal(file.Url, release.Url);
        Assert.Equal(file.Attachments, release.Attachments);
        Assert.Equal(file.MinisterPeople.Select(Normalise), release.Ministers.Select(m => Normalise(m.Name)));
        Assert.Equal(file.Portfolios.Select(Normalise), release.Portfolios.Select(p => Normalise(p.Name)));

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + release.Html);
        Assert.NotEmpty(html.QuerySelectorAll("p"));
        Assert.Contains(FirstPlainSentence(file.Body)!, Collapse(html.Body!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseWithAnUnknownDate_SaysSo()
    {
        var undated = SeedCorpus.Accepted.First(f => f.KnownDate is null && SafeSlug().IsMatch(f.UrlSegment));
        var page = await Client.GetPageAsync($"/releases/{undated.UrlSegment}");
        Assert.Null(page.QuerySelector(".release__date time"));
        Assert.Contains("Date unknown", page.QuerySelector(".release__date")?.TextContent, StringComparison.Ordinal);
        Assert.Null((await Client.GetReleaseAsync(undated.UrlSegment)).Date);
    }

    [Fact]
    public async Task ComingFromASearch_ThePageLinksBackToTheResults()
    {
        var file = ReleaseWithEverything();
        var page = await Client.GetPageAsync($"/releases/{file.UrlSegment}?q=trade%20deal");
        var back = page.QuerySelector(".back-link a");
        Assert.NotNull(back);
        Assert.Equal("trade deal", ListingPage.QueryValues(back.GetAttribute("href")!, "q").ToString());

        // The permalink stays the canonical address, whatever led to it.
        var canonical = page.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        Assert.NotNull(canonical);
        Assert.Equal($"/releases/{file.UrlSegment}", new Uri(canonical).PathAndQuery);
    }

    [Fact]
    public async Task UnknownSlug_GivesAFriendly404Page()
    {
        var response = await Client.GetHtmlAsync("/releases/no-such-release-anywhere");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("text/html", response.MediaType);
        Assert.Equal("Page not found", response.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(response.Document.QuerySelector("main form[action='/releases'] input[name='q']"));
        Assert.Contains(response.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    [Theory]
    [InlineData("/releases/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/releases/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/releases/..%5C..%5Cwindows%5Cwin.ini")]
    [InlineData("/releases/Enhancing%20New%20Zealand")]
    public async Task SlugThatIsNotASlug_Gives404_NotAnError(string url)
    {
        var response = await Client.GetHtmlAsync(url);
        Assert.True(response.Status == HttpStatusCode.NotFound, $"{url} answered {(int)response.Status}. Server log:\n{site.Factory.Logs}");
        Assert.Equal("Page not found", response.Document.QuerySelector("h1")?.TextContent.Trim());

        var api = await Client.GetJsonAsync(url.Replace("/releases/", "/api/releases/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, api.Status);
        Assert.Equal("application/problem+json", api.MediaType);
    }

    [Fact]
    public async Task EveryListedRelease_HasAWorkingPermalink()
    {
        var all = await Client.GetAllReleasesAsync();
        Assert.Equal(SeedCorpus.ExpectedReleases, all.Count);
        Assert.Equal(all.Count, all.Select(r => r.Slug).Distinct().Count());
        foreach (var item in all)
        {
            var page = await Client.GetHtmlAsync($"/releases/{item.Slug}");
            Assert.True(page.Status == HttpStatusCode.OK, $"/releases/{item.Slug} answered {(int)page.Status}");
            Assert.Equal(item.Title, page.Document.QuerySelector("article.release h1")?.TextContent.Trim());
        }
    }

    [Fact]
    public async Task TwoFilesWithTheSameUrl_GetSeparatePermalinks_TheLaterOneDated()
    {
        var groups = SeedCorpus.Accepted.GroupBy(f => f.Url).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(groups);
        foreach (var group in groups)
        {
            // Files are ingested in path order: the first keeps the url's slug, the next gets its date appended.
            var files = group.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
            var slugs = files.Select((f, i) => i == 0 ? f.UrlSegment : $"{f.UrlSegment}-{f.Date}").ToList();
            for (var i = 0; i < files.Count; i++)
            {
                var page = await Client.GetPageAsync($"/releases/{slugs[i]}");
                Assert.Equal(files[i].Date, page.QuerySelector(".release__date time")?.GetAttribute("datetime"));
                Assert.Equal(Normalise(files[i].Title), Normalise(page.QuerySelector("article.release h1")!.TextContent));
            }
        }
    }

    private static string Collapse(string text) => Whitespace().Replace(text.Replace('\u00A0', ' '), " ").Trim();

    private static string Normalise(string name) => Collapse(name).Replace('’', '\'').ToLowerInvariant();

    /// <summary>The start of the first paragraph of the markdown, when it is plain prose (no markup to render).</summary>
    private static string? FirstPlainSentence(string markdown)
    {
        var paragraph = markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (paragraph is null)
        {
            return null;
        }

        var text = Collapse(paragraph);
        var plain = PlainPrefix().Match(text);
        return plain.Success && plain.Value.Length >= 40 ? plain.Value[..40] : null;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SafeSlug();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[A-Za-z0-9 ,.'’“”-]+")]
    private static partial Regex PlainPrefix();
}
