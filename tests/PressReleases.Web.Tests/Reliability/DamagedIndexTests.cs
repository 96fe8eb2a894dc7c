using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// An index found damaged, deleted or locked by a dead process at start is repaired from the store while
/// the site keeps serving release pages from the store. The rebuild is held at its start (the index's
/// write gate, which the rebuild must take) so the test sees the site during it, however fast the machine.
/// </summary>
public sealed class DamagedIndexTests(SeedsDataDirectory seeds) : IClassFixture<SeedsDataDirectory>
{
    private static readonly TimeSpan GateWait = TimeSpan.FromSeconds(60);

    private static readonly string[] Queries = ["q=government", "q=school+funding", "q=geothermal", "minister=john-key"];

    public static TheoryData<string, bool> Damages => new()
    {
        { IndexDamage.TruncatedSegment, true },
        { IndexDamage.DeletedFolder, true },
        { IndexDamage.StaleWriteLock, false },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Site_ServesReleasePages_WhileTheIndexIsRepaired_AndThenFindsEverythingAgain(string damage, bool rebuilds)
    {
        using var temp = new TempDirectory("damaged-index");
        var expected = await SearchesOverIntactCopyAsync(temp.Path);

        var data = seeds.CopyTo(Path.Combine(temp.Path, "data"));
        IndexDamage.Apply(Path.Combine(data, "index"), damage);

        var opened = new TaskCompletionSource<(SearchIndex Index, SearchIndex.WriteSession Held)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new PressReleasesFactory(Path.Combine(temp.Path, "no-source"), data, ingestOnStartup: false);
        await using var site = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(sp => HeldIndex.Open(sp, opened))));
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Starts the host; the startup service opens the index (the factory above) and then waits for its turn to write.
        var healthWhileHeld = await client.GetAsync("/healthz");
        var (index, held) = await opened.Task.WaitAsync(GateWait);
        Assert.Equal(rebuilds, index.NeedsRebuild);

        // During the repair: /healthz says the site is starting; release pages and the release API answer from the store.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthWhileHeld.StatusCode);
        var health = await client.GetJsonAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Equal("starting", health.Root.GetProperty("status").GetString());
        var live = await client.GetJsonAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("live", live.Root.GetProperty("status").GetString());
        foreach (var file in SeedCorpus.Accepted.Take(5))
        {
            var page = await client.GetHtmlAsync($"/releases/{file.UrlSegment}");
            Assert.True(page.Status == HttpStatusCode.OK, $"/releases/{file.UrlSegment} answered {(int)page.Status} during the repair.\n{factory.Logs}");
            Assert.Contains(file.Title.Trim(), page.Document.QuerySelector("h1")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.Equal(file.Url, (await client.GetReleaseAsync(file.UrlSegment)).Url);
        }

        Assert.True(index.NeedsRebuild == rebuilds, "The repair ran while another write session was open: the pages above were not served during it.");
        held.Dispose();

        await factory.WaitForReleasesAsync(client, seeds.Releases);
        foreach (var (query, slugs) in expected)
        {
            var found = (await client.GetAllReleasesAsync(query)).Select(r => r.Slug).Order(StringComparer.Ordinal).ToList();
            Assert.True(slugs.SequenceEqual(found), $"{query}: {found.Count} found after the repair, {slugs.Count} before the damage.");
        }
    }

    /// <summary>The searches' answers over an undamaged copy of the same data directory: what the repaired site must answer.</summary>
    private async Task<List<(string Query, List<string> Slugs)>> SearchesOverIntactCopyAsync(string tempPath)
    {
        var data = seeds.CopyTo(Path.Combine(tempPath, "intact"));
        await using var intact = new PressReleasesFactory(Path.Combine(tempPath, "no-source"), data, ingestOnStartup: false);
        using var client = intact.CreateTestClient();
        await intact.WaitForReleasesAsync(client, seeds.Releases);
        var answers = new List<(string, List<string>)>();
        foreach (var query in Queries)
        {
            var slugs = (await client.GetAllReleasesAsync(query)).Select(r => r.Slug).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(slugs);
            answers.Add((query, slugs));
        }

        return answers;
    }
}
