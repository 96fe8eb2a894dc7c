using System.Net;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Security;

/// <summary>
/// Path traversal in every route that takes a slug or a file name: the answer is a 400 or 404 (a page or a
/// problem) and never the content of a file outside the site's static folder.
/// </summary>
public sealed class PathTraversalTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    /// <summary>What must never appear in an answer: the start of /etc/passwd, the app's settings and project file.</summary>
    internal static readonly string[] Leaks = ["root:x:0:0", "\"DataDirectory\"", "\"AllowedHosts\"", "<Project Sdk", "Microsoft.AspNetCore"];

    public static TheoryData<string> TraversalUrls()
    {
        var data = new TheoryData<string>();
        string[] payloads =
        [
            "..%2f..%2fetc%2fpasswd",
            "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fappsettings.json",
            "..%5c..%5cappsettings.json",
            "%252e%252e%252f%252e%252e%252fetc%252fpasswd",
            "....%2f%2f....%2f%2fetc%2fpasswd",
            "%c0%ae%c0%ae%c0%afetc%c0%afpasswd",
        ];
        string[] templates =
        [
            "/releases/{0}",
            "/releases/{0}/cite.bib",
            "/releases/{0}/cite.ris",
            "/api/releases/{0}",
            "/ministers/{0}",
            "/portfolios/{0}",
            "/css/{0}",
            "/{0}",
            "/sitemaps/{0}",
            "/help/{0}",
        ];
        foreach (var template in templates)
        {
            foreach (var payload in payloads)
            {
                data.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, payload));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TraversalUrls))]
    public async Task TraversalInThePath_IsNotFound_AndRevealsNothing(string url)
    {
        using var response = await site.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
            $"GET {url} answered {(int)response.StatusCode}, expected 404 or 400: {Shorten(body)}");
        AssertNoLeak(url, body);
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("minister")]
    [InlineData("portfolio")]
    public async Task TraversalInAFilter_IsA400Problem_ForTheFeedAndTheExports(string parameter)
    {
        foreach (var path in new[] { "/feeds/releases.atom", "/api/releases.csv", "/api/releases" })
        {
            var url = $"{path}?{parameter}=..%2F..%2Fetc%2Fpasswd";
            using var response = await site.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url} answered {(int)response.StatusCode}: {Shorten(body)}");
            AssertNoLeak(url, body);
        }
    }

    internal static void AssertNoLeak(string url, string body)
    {
        foreach (var leak in Leaks)
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"GET {url} answered with '{leak}' in its body: {Shorten(body)}");
        }
    }

    private static string Shorten(string value) => value.Length > 300 ? value[..300] + "…" : value;
}
