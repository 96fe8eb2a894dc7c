using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Parser;
using PressReleases.Web.Tests.Reliability;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>
/// The site as published (as the Dockerfile publishes it): pages link the stylesheet by a fingerprinted name, which
/// is served precompressed (Brotli, gzip) with a year's immutable caching, while the plain name stays revalidated.
/// A build output serves the same names without the long caching, so only a published copy can show it.
/// </summary>
public sealed class PublishedStaticAssetsTests(PublishedSite published) : IClassFixture<PublishedSite>
{
    private HttpClient Client => published.Client;

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheStylesheet_IsFingerprinted_Precompressed_AndImmutable(string encoding)
    {
        var stylesheet = await LinkedStylesheetAsync();
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", stylesheet);

        using var request = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var cacheControl = response.Headers.CacheControl!;
        Assert.Equal(TimeSpan.FromDays(365), cacheControl.MaxAge);
        Assert.Contains(cacheControl.Extensions, e => e.Name == "immutable");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "src", "PressReleases.Web", "wwwroot", "css", "site.css")), await DecodeAsync(response, encoding));
    }

    [Fact]
    public async Task ThePlainName_IsStillServed_ButRevalidated()
    {
        using var response = await Client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task TheLoadTestPage_IsNotPartOfThePublicSite()
    {
        using var response = await Client.GetAsync("/load/static-page.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> LinkedStylesheetAsync()
    {
        using var page = await Client.GetAsync("/releases");
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        return document.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href") ?? throw new InvalidOperationException("no stylesheet link on /releases");
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response, string encoding)
    {
        await using var raw = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "br" ? new BrotliStream(raw, CompressionMode.Decompress) : new GZipStream(raw, CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

}

/// <summary>A published copy of the site, running over an empty data directory.</summary>
public sealed class PublishedSite : IAsyncLifetime
{
    private readonly TempDirectory temp = new("published-site");
    private ChildApp site = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var published = temp.Sub("publish");
        await PublishAsync(published);

        var port = FreePort.Find();
        site = ChildApp.StartAssembly(Path.Combine(published, "PressReleases.Web.dll"), temp.Sub("data"), temp.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["PressReleases__IngestOnStartup"] = "false",
        });
        Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var health = await Client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !site.HasExited)
            {
            }

            Assert.True(DateTime.UtcNow < deadline && !site.HasExited, $"The published site did not become ready:\n{site.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// <c>dotnet publish --no-build</c> of the configuration these tests were built in: it only lays out what the build
    /// made (with the publish-time compression and caching manifest), so it takes seconds.
    /// </summary>
    private static async Task PublishAsync(string output)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in new[] { "publish", Path.Combine("src", "PressReleases.Web"), "-c", configuration, "--no-build", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (site is not null)
        {
            await site.KillAsync();
            site.Dispose();
        }

        temp.Dispose();
    }
}
