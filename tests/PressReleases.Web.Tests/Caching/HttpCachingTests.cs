using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Caching;

/// <summary>
/// ETag and Last-Modified on release pages, the release API, citations, feeds and sitemaps, answered with 304 when
/// the client's copy is current and changed by an ingest; a short Cache-Control on listings; none on errors.
/// Each test has a site of its own, since some change the store.
/// </summary>
public sealed class HttpCachingTests : IAsyncLifetime
{
    private static readonly ReleaseSpec Bridge = ReleaseSpec.Make(
        "harbour-bridge-repairs", "Harbour bridge repairs", "2019-03-06",
        ["Hon Ben Otherperson"], ["Transport"], "Repairs to the harbour bridge start on Monday.");

    private static readonly ReleaseSpec Ferry = ReleaseSpec.Make(
        "ferry-timetable", "New ferry timetable", "2019-03-07",
        ["Hon Ben Otherperson"], ["Transport"], "The ferry runs every half hour from May.");

    private readonly TempDirectory temp = new("http-caching");
    private string source = null!;
    private PressReleasesFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        source = temp.Sub("source");
        ReleaseFileWriter.WriteAll(source, [Bridge]);
        factory = new PressReleasesFactory(source, temp.Sub("data"));
        client = factory.CreateTestClient();
        await factory.WaitForReleasesAsync(client, 1);
    }

    public static TheoryData<string> VersionedDocuments => new()
    {
        "/releases/harbour-bridge-repairs",
        "/api/releases/harbour-bridge-repairs",
        "/releases/harbour-bridge-repairs/cite.bib",
        "/releases/harbour-bridge-repairs/cite.ris",
        "/feeds/releases.atom",
        "/feeds/releases.atom?minister=ben-otherperson",
        "/sitemap.xml",
        "/sitemaps/pages.xml",
        "/sitemaps/releases-1.xml",
    };

    [Theory]
    [MemberData(nameof(VersionedDocuments))]
    public async Task ADocument_CarriesValidators_AndAnswers304ToACurrentCopy(string path)
    {
        using var first = await ValidatedAsync(path);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.True(etag.IsWeak, $"{path}: ETag {etag} is strong, but compression changes the bytes");
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        Assert.True(lastModified <= DateTimeOffset.UtcNow.AddSeconds(1), $"{path}: Last-Modified {lastModified:R} is in the future");

        using var byTag = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, byTag.Headers.ETag);

        using var byDate = await SendAsync(path, r => r.Headers.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);

        using var olderCopy = await SendAsync(path, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.OK, olderCopy.StatusCode);

        using var otherTag = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true)));
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.NotEmpty(await otherTag.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ChangingTheRelease_ChangesItsTag_AndTheOldCopyIsNoLongerCurrent()
    {
        const string path = "/releases/harbour-bridge-repairs";
        using var before = await ValidatedAsync(path);
        var oldTag = before.Headers.ETag!;

        ReleaseFileWriter.Write(source, Bridge with { Body = "Repairs to the harbour bridge are postponed to June." });
        await IngestAsync(expectedUpdated: 1);

        var after = await EventuallyAsync(path, r => r.Headers.IfNoneMatch.Add(oldTag), HttpStatusCode.OK);
        Assert.NotEqual(oldTag, after.Headers.ETag);
        Assert.Contains("postponed to June", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/feeds/releases.atom")]
    [InlineData("/sitemaps/releases-1.xml")]
    [InlineData("/releases/harbour-bridge-repairs")]
    public async Task AnIngestThatAddsARelease_ChangesTheTagsOfWhatItShows(string path)
    {
        using var before = await ValidatedAsync(path);
        var oldTag = before.Headers.ETag!;

        ReleaseFileWriter.Write(source, Ferry);
        await IngestAsync(expectedAdded: 1);

        // Feeds and sitemaps list it; the release page's related releases may.
        var after = await EventuallyAsync(path, r => r.Headers.IfNoneMatch.Add(oldTag), HttpStatusCode.OK);
        Assert.NotEqual(oldTag, after.Headers.ETag);
        if (!path.StartsWith("/releases/", StringComparison.Ordinal))
        {
            Assert.Contains("ferry-timetable", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/feeds/releases.atom")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/opensearch.xml")]
    public async Task StoreWideDocuments_ComeFromTheOutputCache(string path)
    {
        using var first = await client.GetAsync(path);
        using var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnIngest_EmptiesTheOutputCache_SoTheFeedShowsTheNewRelease()
    {
        using var cached = await client.GetAsync("/feeds/releases.atom");
        Assert.DoesNotContain("ferry-timetable", await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        ReleaseFileWriter.Write(source, Ferry);
        await IngestAsync(expectedAdded: 1);

        // The ingest ran in this process: the cache is emptied before it returns, not at the follower's next look.
        using var fresh = await client.GetAsync("/feeds/releases.atom");
        Assert.Contains("ferry-timetable", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/releases")]
    [InlineData("/releases?q=bridge")]
    [InlineData("/ministers/ben-otherperson")]
    [InlineData("/ministers")]
    [InlineData("/api/releases?q=bridge")]
    public async Task ListingsAndSearches_CarryAShortCacheControl_AndNoValidators(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/releases/no-such-release")]
    [InlineData("/api/releases/no-such-release")]
    [InlineData("/releases/no-such-release/cite.bib")]
    [InlineData("/ministers/nobody-at-all")]
    [InlineData("/sitemaps/releases-99.xml")]
    public async Task Errors_AreNeverMarkedCacheable(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
        Assert.DoesNotContain("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnRelease_Answers410_WithoutValidators()
    {
        File.Delete(Path.Combine(source, Bridge.FileName));
        ReleaseFileWriter.Write(source, Ferry);
        await IngestAsync(expectedAdded: 1);

        using var response = await client.GetAsync("/releases/harbour-bridge-repairs");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.DoesNotContain("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// A 200 with an ETag. The first look of the node's follower, a moment after the site is ready, is what gives
    /// the store's version; until then responses go without validators.
    /// </summary>
    private Task<HttpResponseMessage> ValidatedAsync(string path) =>
        EventuallyAsync(path, _ => { }, HttpStatusCode.OK, mustHaveTag: true);

    private async Task<HttpResponseMessage> EventuallyAsync(string path, Action<HttpRequestMessage> conditions, HttpStatusCode status, bool mustHaveTag = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var last = "";
        while (true)
        {
            var response = await SendAsync(path, conditions);
            if (response.StatusCode == status && (!mustHaveTag || response.Headers.ETag is not null))
            {
                return response;
            }

            last = $"{(int)response.StatusCode}, ETag {response.Headers.ETag}";
            response.Dispose();
            Assert.True(DateTime.UtcNow < deadline, $"GET {path} never answered {(int)status}{(mustHaveTag ? " with an ETag" : "")}; last {last}");
            await Task.Delay(100);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> conditions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        conditions(request);
        return await client.SendAsync(request);
    }

    private async Task IngestAsync(int expectedAdded = 0, int expectedUpdated = 0)
    {
        var report = await factory.Services.GetRequiredService<Ingester>().IngestAsync(source);
        Assert.Equal(expectedAdded, report.Added);
        Assert.Equal(expectedUpdated, report.Updated);
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        temp.Dispose();
    }
}
