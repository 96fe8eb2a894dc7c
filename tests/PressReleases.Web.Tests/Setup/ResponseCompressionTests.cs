using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// gzip and Brotli for every kind of text the site makes, chosen by Accept-Encoding (gzip when a browser accepts
/// both alike, as the cheaper), with the same content as the uncompressed answer; none when the client asks for
/// none or the level is NoCompression.
/// </summary>
public sealed class ResponseCompressionTests(SeedsFixture site) : IClassFixture<SeedsFixture>
{
    public static TheoryData<string, string> EveryKindOfText => new()
    {
        { "/releases?q=japan", "text/html" },
        { "/api/releases?q=japan", "application/json" },
        { "/api/releases/enhancing-new-zealand--japan-cooperation", "application/json" },
        { "/api/releases.csv?q=japan", "text/csv" },
        { "/api/releases.ndjson?q=japan", "application/x-ndjson" },
        { "/sitemaps/releases-1.xml", "application/xml" },
        { "/feeds/releases.atom", "application/atom+xml" },
        { "/opensearch.xml", "application/opensearchdescription+xml" },
        { "/robots.txt", "text/plain" },
        { "/releases/enhancing-new-zealand--japan-cooperation/cite.bib", "application/x-bibtex" },
        { "/api/releases/no-such-release", "application/problem+json" },
    };

    [Theory]
    [MemberData(nameof(EveryKindOfText))]
    public async Task ABrowser_GetsGzip_WithTheSameContent(string path, string mediaType)
    {
        var plain = await GetAsync(path, encoding: null);
        var (encoding, body, response) = await GetCompressedAsync(path, "gzip, deflate, br, zstd");

        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gzip", encoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(WithoutTraceId(plain), WithoutTraceId(body));
        response.Dispose();
    }

    [Theory]
    [InlineData("/releases?q=japan")]
    [InlineData("/feeds/releases.atom")]
    [InlineData("/api/releases.csv?q=japan")]
    [InlineData("/api/releases/enhancing-new-zealand--japan-cooperation")]
    public async Task Brotli_ForAClientThatAsksForItAlone_OrRanksItFirst(string path)
    {
        var plain = await GetAsync(path, encoding: null);
        var (alone, aloneBody, r1) = await GetCompressedAsync(path, "br");
        var (ranked, rankedBody, r2) = await GetCompressedAsync(path, "br;q=1.0, gzip;q=0.8");

        Assert.Equal(("br", "br"), (alone, ranked));
        Assert.Equal(plain, aloneBody);
        Assert.Equal(plain, rankedBody);
        r1.Dispose();
        r2.Dispose();
    }

    [Theory]
    [InlineData("/releases?q=japan")]
    [InlineData("/feeds/releases.atom")]
    public async Task Gzip_ForAClientWithoutBrotli(string path)
    {
        var plain = await GetAsync(path, encoding: null);
        var (encoding, body, response) = await GetCompressedAsync(path, "gzip");

        Assert.Equal("gzip", encoding);
        Assert.Equal(plain, body);
        response.Dispose();
    }

    [Fact]
    public async Task AnOutputCachedDocument_IsCompressedForEachClientAsItAsks()
    {
        // The output cache keeps one copy; each client still gets its own encoding of it.
        var (first, _, r1) = await GetCompressedAsync("/opensearch.xml", "br");
        var (second, _, r2) = await GetCompressedAsync("/opensearch.xml", "gzip");
        var (third, _, r3) = await GetCompressedAsync("/opensearch.xml", "identity");

        Assert.Equal(("br", "gzip", (string?)null), (first, second, third));
        Assert.NotNull(r2.Headers.Age);
        r1.Dispose();
        r2.Dispose();
        r3.Dispose();
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd")]
    [InlineData("gzip")]
    [InlineData("identity")]
    public async Task TheLinkedStylesheet_IsServedWhole_InWhateverEncodingTheBrowserTakes(string acceptEncoding)
    {
        // Run from a build output (as here and under `dotnet run`) its compressed copy sits in obj/, not wwwroot: a
        // gzip request once found no file and got an empty 200, and every page went unstyled.
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await site.Client.GetStringAsync("/releases"));
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(stylesheet);

        var (_, body, response) = await GetCompressedAsync(stylesheet, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "src", "PressReleases.Web", "wwwroot", "css", "site.css")), body);
        response.Dispose();
    }

    [Fact]
    public async Task AtNoCompression_NothingIsCompressed()
    {
        using var temp = new TempDirectory("no-compression");
        await using var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        factory.Settings["PressReleases:Compression:Level"] = "NoCompression";
        using var client = factory.CreateTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/releases");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task ABadLevel_StopsTheSiteAtStart_InOneLineNamingIt()
    {
        using var temp = new TempDirectory("compression-invalid");
        var run = await SiteStart.RunUntilExitAsync(temp, new Dictionary<string, string> { ["PressReleases__Compression__Level"] = "Maximum" });

        SiteStart.AssertStoppedForSetting(run, "PressReleases:Compression:Level");
    }

    /// <summary>A problem's trace id names the request, so two requests never share one.</summary>
    private static string WithoutTraceId(string body) => Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    private async Task<string> GetAsync(string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(encoding);
        }

        using var response = await site.Client.SendAsync(request);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The encoding the site chose and the body decoded by hand (the test client never decompresses).</summary>
    private async Task<(string? Encoding, string Body, HttpResponseMessage Response)> GetCompressedAsync(string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        var response = await site.Client.SendAsync(request);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        await using var raw = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            null => raw,
            _ => throw new InvalidOperationException($"unexpected encoding {encoding}"),
        };
        using var reader = new StreamReader(decoded);
        return (encoding, await reader.ReadToEndAsync(), response);
    }
}
