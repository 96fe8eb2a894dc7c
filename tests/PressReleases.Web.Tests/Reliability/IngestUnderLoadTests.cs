using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Ingestion;
using PressReleases.Web.Tests.TestSupport;
using Xunit.Abstractions;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// Ingests of a changed folder while readers hammer the site: no request fails and every answer shows one
/// version of a release. Every version of a release carries its own word (alpha, bravo...) in the title,
/// the body, each minister's and each portfolio's name, and odd and even versions have a different number
/// of ministers, so an answer mixing two versions shows two words or a wrong count.
/// </summary>
public sealed partial class IngestUnderLoadTests(ITestOutputHelper output)
{
    private const int ReleaseCount = 40;

    private const int Readers = 6;

    private static readonly string[] Versions =
        ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "nebula", "oscar", "papa"];

    [Fact]
    public async Task Readers_SeeTheOldOrTheNewVersionOfARelease_NeverAMix_AndNoRequestFails()
    {
        using var temp = new TempDirectory("ingest-under-load");
        var source = temp.Sub("source");
        WriteVersion(source, 0);

        await using var site = new PressReleasesFactory(source, Path.Combine(temp.Path, "data"));
        using var setup = site.CreateTestClient();
        await site.WaitForReleasesAsync(setup, ReleaseCount);

        var problems = new ConcurrentQueue<string>();
        var reads = 0;
        var readsDuringIngest = 0;
        var ingesting = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Readers).Select(seed => Task.Run(async () =>
        {
            using var client = site.CreateTestClient();
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                var during = Volatile.Read(ref ingesting) == 1;
                var problem = await ReadOnceAsync(client, random);
                if (problem is not null)
                {
                    problems.Enqueue(problem);
                }

                Interlocked.Increment(ref reads);
                if (during && Volatile.Read(ref ingesting) == 1)
                {
                    Interlocked.Increment(ref readsDuringIngest);
                }
            }
        })).ToList();

        var ingester = site.Services.GetRequiredService<Ingester>();
        for (var version = 1; version < Versions.Length; version++)
        {
            WriteVersion(source, version);
            Volatile.Write(ref ingesting, 1);
            var report = await ingester.IngestAsync(source);
            Volatile.Write(ref ingesting, 0);
            Assert.Equal(ReleaseCount, report.Updated);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        output.WriteLine($"{reads} reads, {readsDuringIngest} of them wholly during an ingest; {Versions.Length - 1} ingests of {ReleaseCount} changed releases");

        Assert.True(problems.IsEmpty, $"{problems.Count} bad answers, e.g.:\n{string.Join("\n", problems.Take(10))}\n{site.Logs}");
        Assert.True(readsDuringIngest >= Versions.Length, $"Only {readsDuringIngest} reads overlapped an ingest: the test did not test anything.");

        // And once the ingests are done, everything shows the last version.
        var last = await setup.GetReleaseAsync(Slug(0));
        Assert.Contains(Versions[^1], last.Title, StringComparison.Ordinal);
    }

    /// <summary>One request of a random kind for a random release; a description of what was wrong, or null.</summary>
    private static async Task<string?> ReadOnceAsync(HttpClient client, Random random)
    {
        var slug = Slug(random.Next(ReleaseCount));
        var kind = random.Next(3);
        var url = kind switch
        {
            0 => $"/releases/{slug}",
            1 => $"/api/releases/{slug}",
            _ => $"/api/releases?q=load+release&pageSize=50&page=1",
        };

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"{url} answered {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}";
        }

        switch (kind)
        {
            case 0:
                var article = new HtmlParser().ParseDocument(body).QuerySelector("article.release");
                if (article is null)
                {
                    return $"{url}: no article";
                }

                var ministerLinks = article.QuerySelectorAll("a[href^='/ministers/']").Length;
                return Check(url, article.TextContent, ministerLinks);
            case 1:
                var release = JsonDocument.Parse(body).RootElement;
                var text = string.Join(" ",
                    release.GetProperty("title").GetString(),
                    release.GetProperty("html").GetString(),
                    release.GetProperty("ministers").GetRawText(),
                    release.GetProperty("portfolios").GetRawText());
                return Check(url, text, release.GetProperty("ministers").GetArrayLength());
            default:
                foreach (var item in JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray())
                {
                    var itemText = string.Join(" ",
                        item.GetProperty("title").GetString(),
                        item.GetProperty("ministers").GetRawText(),
                        item.GetProperty("portfolios").GetRawText());
                    if (Check($"{url} item {item.GetProperty("slug").GetString()}", itemText, item.GetProperty("ministers").GetArrayLength()) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
        }
    }

    /// <summary>Exactly one version word in the answer, and the number of ministers that version has.</summary>
    private static string? Check(string what, string text, int ministers)
    {
        var words = VersionWord().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (words.Count != 1)
        {
            return $"{what}: versions {string.Join(", ", words)} in one answer";
        }

        var expected = MinistersOf(Array.IndexOf(Versions, words[0])).Length;
        return ministers == expected ? null : $"{what}: version {words[0]} with {ministers} ministers, it has {expected}";
    }

    private static string Slug(int release) => $"load-release-{release}";

    private static string Title(string version) => char.ToUpperInvariant(version[0]) + version[1..];

    private static string[] MinistersOf(int version) =>
        version % 2 == 0 ? [$"Hon Ann {Title(Versions[version])}"] : [$"Hon Ann {Title(Versions[version])}", $"Hon Bob {Title(Versions[version])}"];

    private static void WriteVersion(string source, int version)
    {
        var word = Versions[version];
        ReleaseFileWriter.WriteAll(source, Enumerable.Range(0, ReleaseCount).Select(i => ReleaseSpec.Make(
            Slug(i),
            $"Load release {i} ({word} edition)",
            $"2020-03-{1 + (i % 28):00}",
            MinistersOf(version),
            [$"{Title(word)} Affairs"],
            $"This is the {word} edition of load release {i}.\n\nIts second paragraph repeats the word {word} so the page body carries it.")));
    }

    [GeneratedRegex(@"\b(alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|kilo|lima|mike|nebula|oscar|papa)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VersionWord();
}
