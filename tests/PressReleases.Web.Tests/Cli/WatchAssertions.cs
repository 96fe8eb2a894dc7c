using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Tests.Reliability;

namespace PressReleases.Web.Tests.Cli;

/// <summary>What a stopped ingest must leave behind, read from the data directory after the process has ended.</summary>
public static class WatchAssertions
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The SQLite store holds exactly <paramref name="titles"/> as current releases, once each, and the index holds the
    /// same releases with the store's latest change committed.
    /// </summary>
    public static async Task AssertStoreAndIndexHoldAsync(string dataDirectory, IReadOnlyCollection<string> titles)
    {
        var stored = await StoreContents.ReadAsync(dataDirectory);
        Assert.Equal(titles.Order(StringComparer.Ordinal), stored.Select(s => s.Release.Title).Order(StringComparer.Ordinal));
        Assert.Equal(stored.Count, stored.Select(s => s.Release.Slug).Distinct().Count());

        using var index = new SearchIndex(Path.Combine(dataDirectory, "index"), new ReleaseAnalyzer());
        Assert.False(index.NeedsRebuild, "The index was left damaged or unfinished.");
        Assert.Equal(await LatestChangeAsync(dataDirectory), index.CommittedChangeSeq);
        var documents = IndexContents.Documents(index);
        Assert.Equal(stored.Select(s => s.Id).Order(), documents.Keys.Order());
        Assert.All(stored, s => Assert.Equal(s.Release.Title, documents[s.Id].Title));
    }

    /// <summary>
    /// What an ingest stopped midway kept: some but not all of <paramref name="sourceFolder"/>'s files, the first ones
    /// in the order the ingester writes them (path order), each whole (its file's bytes, its minister and portfolio).
    /// </summary>
    public static async Task<int> AssertKeptAWholePrefixAsync(string dataDirectory, string sourceFolder)
    {
        var files = Directory.EnumerateFiles(sourceFolder, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sourceFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var stored = await StoreContents.ReadAsync(dataDirectory);
        Assert.True(stored.Count > 0 && stored.Count < files.Count, $"{stored.Count} of {files.Count} releases stored: the ingest was not stopped midway.");
        Assert.Equal(files.Take(stored.Count), stored.Select(s => s.Release.SourcePath));
        Assert.All(stored, s =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(sourceFolder, s.Release.SourcePath));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), s.Release.ContentHash);
            Assert.NotEqual("", s.Release.Ministers);
            Assert.NotEqual("", s.Release.Portfolios);
        });
        return stored.Count;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; the deadline fails the test, saying what was awaited.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, Func<string> context)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what} after {Deadline.TotalSeconds:0} s.\n{context()}");
            await Task.Delay(20);
        }
    }

    /// <summary>The store's latest change sequence, removed releases included (a removal is a change the index records too).</summary>
    private static async Task<long> LatestChangeAsync(string dataDirectory)
    {
        try
        {
            await using var db = new StoreContextFactory(StoreLocation.Sqlite(new DataDirectory(dataDirectory))).CreateDbContext();
            return await db.Releases.MaxAsync(r => r.ChangeSeq);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
