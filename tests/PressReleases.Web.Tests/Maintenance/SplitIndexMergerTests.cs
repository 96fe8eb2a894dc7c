using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Tests.Cli;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Maintenance;

/// <summary>An ingest commits the segments its indexing threads wrote; the site merges them once it is ready.</summary>
public sealed class SplitIndexMergerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task IndexLeftSplitByTheCommandLine_IsMergedByTheSiteOnceReady_WithoutARebuild()
    {
        // Two ingests, the second adding as many releases as the first: each commits what it indexed as segments of
        // its own, so the index is split however the indexing threads shared the batches (a single ingest leaves one
        // segment per thread only when both threads took some, which a busy machine does not always give).
        const int files = 4_000;
        using var temp = new TempDirectory("split-index");
        var source = temp.Sub("source");
        var data = Path.Combine(temp.Path, "data");
        foreach (var (first, count) in new[] { (0, files / 2), (files / 2, files) })
        {
            GeneratedReleases.Write(source, count, first);
            var ingest = await CliRunner.RunAsync(data, temp.Path, "ingest", source);
            Assert.True(ingest.ExitCode == 0, ingest.ToString());
        }

        using (var left = new SearchIndex(Path.Combine(data, "index"), new ReleaseAnalyzer()))
        {
            Assert.True(left.IsSplit, $"The command-line ingests left {Segments(left)} segment(s).");
            Assert.Equal(files, left.DocumentCount);
        }

        await using (var site = new PressReleasesFactory(Path.Combine(temp.Path, "no-source"), data, ingestOnStartup: false))
        {
            site.Logs.Minimum = Microsoft.Extensions.Logging.LogLevel.Information;
            using var client = site.CreateTestClient();
            await site.WaitForReleasesAsync(client, files);
            var index = site.Services.GetRequiredService<SearchIndex>();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            // The merge is visible (IsSplit false) a moment before the merger logs it, so both are waited for.
            while ((index.IsSplit || !Logged(site, "Merged the split search index")) && waited.Elapsed < Deadline)
            {
                await Task.Delay(100);
            }

            Assert.False(index.IsSplit, $"The site did not merge the index within {Deadline}. Server log:\n{site.Logs}");
            Assert.Equal(1, Segments(index));
            Assert.Equal(files, index.DocumentCount);
            Assert.True(Logged(site, "Merged the split search index"), $"The merge was not logged. Server log:\n{site.Logs}");
            Assert.Contains(site.Logs.Entries, e => e.Contains("rebuilt: False", StringComparison.Ordinal));
            var found = await client.GetReleaseListAsync("q=" + Uri.EscapeDataString($"\"{GeneratedReleases.Title(1234)}\""));
            Assert.Contains(found.Items, r => r.Title == GeneratedReleases.Title(1234));
        }

        // The merge was committed: the index on disk is one segment.
        using var merged = new SearchIndex(Path.Combine(data, "index"), new ReleaseAnalyzer());
        Assert.Equal(1, Segments(merged));
        Assert.Equal(files, merged.DocumentCount);
    }

    private static bool Logged(PressReleasesFactory site, string text) =>
        site.Logs.Entries.Any(e => e.Contains(text, StringComparison.Ordinal));

    private static int Segments(SearchIndex index)
    {
        using var lease = index.LeaseSearcher();
        return lease.Reader.Leaves.Count;
    }
}
