using System.Net;
using System.Text.RegularExpressions;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// With <c>PressReleases:PublicBaseUrl</c> set, every absolute address the site writes starts with it, whatever
/// Host, X-Forwarded-Host or X-Forwarded-Proto a request carries, even through a proxy the site trusts.
/// </summary>
public sealed partial class PublicBaseUrlTests : IAsyncLifetime
{
    private const string PublicBase = "https://press.example.org";
    private const string ForgedHost = "forged.example.net";
    private const string ForgedForwardedHost = "forwarded.example.net";

    private static readonly ReleaseSpec Release = ReleaseSpec.Make(
        "harbour-bridge-repairs", "Harbour bridge repairs", "2019-03-06",
        ["Hon Ben Otherperson"], ["Transport"], "Repairs to the harbour bridge start on Monday.");

    private readonly AddressedSite site = new(
        "public-base-url", new Dictionary<string, string> { ["PressReleases:PublicBaseUrl"] = PublicBase + "/" }, [Release]);

    private HttpClient Client => site.Client;

    public Task InitializeAsync() => site.Factory.WaitForReleasesAsync(Client, 1);

    public static TheoryData<string> EveryDocumentWithAbsoluteAddresses => new()
    {
        "/releases",
        "/releases/harbour-bridge-repairs",
        "/releases/harbour-bridge-repairs/cite.bib",
        "/releases/harbour-bridge-repairs/cite.ris",
        "/feeds/releases.atom",
        "/sitemap.xml",
        "/robots.txt",
        "/opensearch.xml",
        "/api/releases.csv",
        "/api/releases.ndjson",
        "/help/api",
    };

    [Theory]
    [MemberData(nameof(EveryDocumentWithAbsoluteAddresses))]
    public async Task ForgedHostHeaders_NeverReachAnAbsoluteAddress(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // From loopback, a proxy the site trusts by default: even its forwarded headers do not name the site.
        request.Headers.Add(ClientAddressFromHeader.Header, "127.0.0.1");
        request.Headers.Host = ForgedHost;
        request.Headers.Add("X-Forwarded-Host", ForgedForwardedHost);
        request.Headers.Add("X-Forwarded-Proto", "http");
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        var addresses = AbsoluteAddress().Matches(body).Select(m => m.Value).ToList();
        Assert.NotEmpty(addresses);
        Assert.All(addresses.Where(a => !IsElsewhere(a)), a => Assert.StartsWith(PublicBase + "/", a, StringComparison.Ordinal));
        Assert.Contains(addresses, a => a.StartsWith(PublicBase + "/", StringComparison.Ordinal));
        Assert.DoesNotContain(ForgedHost, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ForgedForwardedHost, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheReleasePage_NamesItselfAtThePublicAddress_InEveryLinkThatSaysSo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/releases/harbour-bridge-repairs");
        request.Headers.Host = ForgedHost;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await Client.SendAsync(request)).Content.ReadAsStringAsync());

        var expected = PublicBase + "/releases/harbour-bridge-repairs";
        Assert.Equal(expected, document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(expected, document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Contains(expected, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("press.example.org")]
    [InlineData("https://press.example.org/site")]
    [InlineData("https://press.example.org/?x=1")]
    [InlineData("ftp://press.example.org")]
    public async Task AnythingButAnOrigin_StopsTheSiteAtStart_InOneLineNamingIt(string value)
    {
        using var start = new TempDirectory("public-base-url-invalid");
        var run = await SiteStart.RunUntilExitAsync(start, new Dictionary<string, string> { ["PressReleases__PublicBaseUrl"] = value });

        SiteStart.AssertStoppedForSetting(run, "PressReleases:PublicBaseUrl");
    }

    /// <summary>Addresses of other sites the documents rightly hold: the original on beehive.govt.nz, schemas and namespaces.</summary>
    private static bool IsElsewhere(string address) =>
        !address.Contains("example.", StringComparison.Ordinal) && !address.Contains("localhost", StringComparison.Ordinal);

    [GeneratedRegex(@"https?://[^\s""'<>,)\]}]+")]
    private static partial Regex AbsoluteAddress();

    public async Task DisposeAsync() => await site.DisposeAsync();
}
