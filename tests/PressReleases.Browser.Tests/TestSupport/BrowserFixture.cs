using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>
/// One running site (seeds/, its own data directory) and one headless Debian Chromium, shared by every test in the
/// <see cref="BrowserCollection"/>: launching a browser and ingesting the seeds are the slow parts. Each test opens
/// its own <see cref="IBrowserContext"/> (fresh cookies, history and viewport).
/// </summary>
public sealed class BrowserFixture(IMessageSink messages) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public SiteServer Site { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public int ExpectedReleases { get; private set; }

    public string BaseUrl => Site.BaseUrl;

    public string Url(string pathAndQuery) => BaseUrl + pathAndQuery;

    private Task<string>? richRelease;

    /// <summary>The path of a release page with minister, portfolio, date and an external link (chosen once through the API).</summary>
    public async Task<string> RichReleasePathAsync() =>
        "/releases/" + await (richRelease ??= SiteApi.PickRichReleaseSlugAsync(BaseUrl));

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await Chromium.EnsureInstalledAsync(Log);

        ExpectedReleases = SeedReleases.Count();
        await Site.StartAsync(ExpectedReleases, StartTimeout);
        Log($"Site ready at {BaseUrl} with {ExpectedReleases} releases after {clock.ElapsedMilliseconds} ms.");

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
        Log($"Chromium {Browser.Version} launched after {clock.ElapsedMilliseconds} ms.");
    }

    /// <summary>A fresh context (desktop size unless told otherwise) and a page in it.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        options.BaseURL ??= BaseUrl;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        await Site.DisposeAsync();
    }

    private void Log(string message)
    {
        messages.OnMessage(new DiagnosticMessage("[browser] " + message));
        Console.Error.WriteLine("[browser] " + message);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
