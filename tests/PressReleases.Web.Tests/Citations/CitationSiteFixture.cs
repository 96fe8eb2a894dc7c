using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Citations;

/// <summary>A clock stopped at one instant, so "retrieved on" dates are known in advance.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// A site over written releases (two ministers; special characters and a macron in a title; no minister and
/// no date; one withdrawn after ingest) with its clock stopped and sitemap files of two URLs each. The host is
/// configured before it first starts: a second host over the same data directory would fight over the index.
/// </summary>
public sealed class CitationSiteFixture : IAsyncLifetime
{
    /// <summary>20:30 UTC on 27 November is 09:30 on 28 November in New Zealand (NZDT, UTC+13).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 20, 30, 0, TimeSpan.Zero);

    public const string RetrievedText = "28 November 2026";

    public const int SitemapUrlsPerFile = 2;

    public static readonly ReleaseSpec Covid = ReleaseSpec.Make(
        "nz-moves-alert-level-3-then-4", "New Zealand moves to COVID-19 Alert Level 3, then Level 4 in 48 hours", "2020-03-23",
        ["Rt Hon Jacinda Ardern", "Hon Grant Robertson"], ["Prime Minister", "Finance"],
        "New Zealand will move to Alert Level 3 today and Alert Level 4 in 48 hours, the Prime Minister said. Everyone must stay at home in their bubble except for essential movement. Schools and universities close, and supermarkets, pharmacies and clinics stay open throughout.");

    public static readonly ReleaseSpec Special = ReleaseSpec.Make(
        "tax-and-spending-rules", "Tax & spending: 100% of the new_rules {draft} for Māori trusts", "2021-08-05",
        ["Hon Nanaia Mahuta"], ["Māori Development"],
        "Māori trusts get simpler tax rules.");

    public static readonly ReleaseSpec Anonymous = ReleaseSpec.Make(
        "digital-future-challenge", "Challenge laid for the digital future", "0001-01-01",
        [], ["Communications"],
        "The challenge of the summit is to take the country to the next level.");

    public static readonly ReleaseSpec Withdrawn = ReleaseSpec.Make(
        "quokkaberry-trial-announced", "Quokkaberry trial announced", "2019-03-05",
        ["Hon Aroha Testperson"], ["Conservation"], "A trial of the quokkaberry will start in spring.");

    public static readonly ReleaseSpec Extra = ReleaseSpec.Make(
        "harbour-bridge-repairs", "Harbour bridge repairs", "2019-03-06",
        ["Hon Ben Otherperson"], ["Transport"], "Repairs to the harbour bridge start on Monday.");

    /// <summary>The releases still published once <see cref="Withdrawn"/> has gone.</summary>
    public static IReadOnlyList<ReleaseSpec> Current => [Covid, Special, Anonymous, Extra];

    private readonly TempDirectory temp = new("citations");
    private PressReleasesFactory? baseFactory;
    private WebApplicationFactory<Program>? factory;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var source = temp.Sub("source");
        ReleaseFileWriter.WriteAll(source, [.. Current, Withdrawn]);
        baseFactory = new PressReleasesFactory(source, Path.Combine(temp.Path, "data"));
        factory = baseFactory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("PressReleases:SitemapUrlsPerFile", SitemapUrlsPerFile.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        });
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await baseFactory.WaitForReleasesAsync(Client, Current.Count + 1);

        File.Delete(Path.Combine(source, Withdrawn.FileName));
        var report = await factory.Services.GetRequiredService<Ingester>().IngestAsync(source);
        Assert.Equal(1, report.Removed);
        await baseFactory.WaitForReleasesAsync(Client, Current.Count);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (baseFactory is not null)
        {
            await baseFactory.DisposeAsync();
        }

        temp.Dispose();
    }
}
