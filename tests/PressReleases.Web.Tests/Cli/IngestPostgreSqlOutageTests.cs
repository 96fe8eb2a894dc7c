using Microsoft.EntityFrameworkCore;
using Npgsql;
using PressReleases.Core.Store.Providers;
using PressReleases.TestSupport.Servers;
using PressReleases.Web.Tests.Reliability;
using PressReleases.Web.Tests.TestSupport;
using static PressReleases.Web.Tests.Cli.WatchAssertions;

namespace PressReleases.Web.Tests.Cli;

/// <summary>A PostgreSQL server of this class's own, which its tests stop and start again; each test leaves it running.</summary>
public sealed class PrivatePostgreSqlFixture : IAsyncLifetime
{
    public PostgreSqlServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgreSqlServer.StartAsync("cli-outage");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// <c>ingest</c> as the built app on a PostgreSQL store whose server goes away: a watch waits and recovers by itself,
/// a one-off run fails in one line that names the store.
/// </summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class IngestPostgreSqlOutageTests(PrivatePostgreSqlFixture postgres) : IClassFixture<PrivatePostgreSqlFixture>
{
    private static readonly ReleaseSpec First = ReleaseSpec.Make(
        "outage-first", "Written before the outage", "2024-02-01", ["Jane Example"], ["Health"], "Clinics open longer.");

    private static readonly ReleaseSpec Second = ReleaseSpec.Make(
        "outage-second", "Also written before the outage", "2024-02-02", ["Sam Sample"], ["Education"], "Libraries open longer.");

    private static readonly ReleaseSpec DuringOutage = ReleaseSpec.Make(
        "outage-during", "Written while the store was down", "2024-02-03", ["Sam Sample"], ["Transport"], "Buses run later.");

    private PostgreSqlServer Server => postgres.Server;

    [Fact]
    public async Task Watch_KeepsRetryingWhileTheServerIsDown_AndIngestsWhatChangedMeanwhileOnceItIsBack()
    {
        using var temp = new TempDirectory("cli-pg-watch");
        var source = temp.Sub("source");
        ReleaseFileWriter.WriteAll(source, [First, Second]);
        var connectionString = await Server.CreateDatabaseAsync("watch");

        using var app = ChildApp.Start(Path.Combine(temp.Path, "data"), temp.Path, Settings(connectionString), "ingest", source, "--watch");
        await app.WaitForLineAsync(l => l.StartsWith("out: Watching ", StringComparison.Ordinal), Deadline, "the first run's report");
        try
        {
            await Server.StopAsync();
            ReleaseFileWriter.Write(source, DuringOutage);
            await WaitUntilAsync(() => Lines(app, "Retrying at").Count >= 2, "two retries while the server is down", () => app.Output);

            Assert.False(app.HasExited, app.Output);
            Assert.All(Lines(app, "Retrying at"), failure =>
            {
                Assert.Contains(StoreName(connectionString), failure, StringComparison.Ordinal);
                Assert.Contains("is unavailable", failure, StringComparison.Ordinal);
            });
        }
        finally
        {
            await Server.StartAgainAsync();
        }

        await app.WaitForLineAsync(l => l.Contains("retry: 1 added, 0 updated, 2 unchanged, 0 removed", StringComparison.Ordinal), Deadline, "the run once the server is back");

        // The log line comes through the console logger's own queue and stream, so it may arrive after the report.
        await app.WaitForLineAsync(l => l.Contains("is back after", StringComparison.Ordinal), Deadline, "the line saying the store is back");
        Assert.Single(Lines(app, "is back after"));

        app.Terminate();
        Assert.Equal(0, await app.WaitForExitAsync(Deadline));
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        Assert.Equal(new[] { First.Title, Second.Title, DuringOutage.Title }.Order(StringComparer.Ordinal), await TitlesAsync(connectionString));
    }

    [Fact]
    public async Task Watch_StartedWhileTheServerIsDown_WaitsForIt()
    {
        using var temp = new TempDirectory("cli-pg-watch-late");
        var source = temp.Sub("source");
        ReleaseFileWriter.WriteAll(source, [First, Second]);
        var connectionString = await Server.CreateDatabaseAsync("late");

        await Server.StopAsync();
        ChildApp app;
        try
        {
            app = ChildApp.Start(Path.Combine(temp.Path, "data"), temp.Path, Settings(connectionString), "ingest", source, "--watch");
            await app.WaitForLineAsync(l => l.Contains("Retrying at", StringComparison.Ordinal), Deadline, "a retry while the server is down");
            Assert.Contains(StoreName(connectionString), Lines(app, "Retrying at")[0], StringComparison.Ordinal);
        }
        finally
        {
            await Server.StartAgainAsync();
        }

        using (app)
        {
            await app.WaitForLineAsync(l => l.StartsWith("out: Watching ", StringComparison.Ordinal), Deadline, "the first run once the server is up");
            Assert.Contains("out: Added      2", app.Output, StringComparison.Ordinal);
            app.Terminate();
            Assert.Equal(0, await app.WaitForExitAsync(Deadline));
        }
    }

    [Fact]
    public async Task OneOffIngest_WithTheServerDown_FailsInOneLineNamingTheStore()
    {
        using var temp = new TempDirectory("cli-pg-down");
        var source = temp.Sub("source");
        ReleaseFileWriter.WriteAll(source, [First]);
        var connectionString = await Server.CreateDatabaseAsync("down");

        await Server.StopAsync();
        int exitCode;
        ChildApp? app = null;
        try
        {
            app = ChildApp.Start(Path.Combine(temp.Path, "data"), temp.Path, Settings(connectionString), "ingest", source);
            exitCode = await app.WaitForExitAsync(Deadline);
        }
        finally
        {
            await Server.StartAgainAsync();
            app?.Dispose();
        }

        Assert.Equal(1, exitCode);
        AssertOneLineNamingTheStore(app.Output, connectionString);
    }

    [Fact]
    public async Task OneOffIngest_WhenTheServerStopsMidRun_FailsInOneLineNamingTheStore_KeepingWholeReleases()
    {
        const int files = 6_000;
        using var temp = new TempDirectory("cli-pg-midrun");
        var source = temp.Sub("source");
        GeneratedReleases.Write(source, files);
        var connectionString = await Server.CreateDatabaseAsync("midrun");

        using var app = ChildApp.Start(Path.Combine(temp.Path, "data"), temp.Path, Settings(connectionString), "ingest", source);
        int exitCode;
        try
        {
            await WaitUntilAsync(() => CountStored(connectionString) > 0, "the first store batch", () => app.Output);
            await Server.StopAsync();
            exitCode = await app.WaitForExitAsync(Deadline);
        }
        finally
        {
            if (!Server.IsRunning)
            {
                await Server.StartAgainAsync();
            }
        }

        Assert.Equal(1, exitCode);
        AssertOneLineNamingTheStore(app.Output, connectionString);

        // Whole releases only, the first files in path order: each batch was committed entirely or not at all.
        var expectedPaths = Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var db = Store(connectionString).CreateDbContext();
        var kept = await db.Releases
            .Select(r => new { r.SourcePath, Ministers = r.Ministers.Count, Portfolios = r.Portfolios.Count })
            .ToListAsync();
        Assert.True(kept.Count is > 0 and < files, $"{kept.Count} of {files} releases stored: the run was not stopped midway.\n{app.Output}");
        Assert.Equal(expectedPaths.Take(kept.Count), kept.Select(k => k.SourcePath).Order(StringComparer.Ordinal));
        Assert.All(kept, k => Assert.True(k.Ministers == 1 && k.Portfolios == 1, $"{k.SourcePath} was stored without its links."));
    }

    private static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["PressReleases__Store__Provider"] = "PostgreSql",
        ["PressReleases__Store__ConnectionString"] = connectionString,
        ["PressReleases__Ingest__DebounceMilliseconds"] = "200",
    };

    private static StoreContextFactory Store(string connectionString) => new(StoreLocation.PostgreSql(connectionString));

    /// <summary>"the PostgreSQL database 'x' on 127.0.0.1:port", as every message about the store names it.</summary>
    private static string StoreName(string connectionString) => StoreLocation.PostgreSql(connectionString).Description;

    private static List<string> Lines(ChildApp app, string containing) =>
        app.Output.Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal)).ToList();

    /// <summary>stderr is one line, naming the store, with no stack trace; nothing was reported as ingested.</summary>
    private static void AssertOneLineNamingTheStore(string output, string connectionString)
    {
        var errors = output.Split('\n').Where(l => l.StartsWith("err: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, $"Expected one line on stderr:\n{output}");
        Assert.Contains(StoreName(connectionString), errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain("out: Added", output, StringComparison.Ordinal);
    }

    private static async Task<List<string>> TitlesAsync(string connectionString)
    {
        await using var db = Store(connectionString).CreateDbContext();
        var titles = await db.Releases.Where(r => r.RemovedAt == null).Select(r => r.Title).ToListAsync();
        return titles.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Releases stored so far, or 0 while the schema is not there yet.</summary>
    private static long CountStored(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
            connection.Open();
            using var command = new NpgsqlCommand("SELECT count(*) FROM \"Releases\"", connection);
            return (long)command.ExecuteScalar()!;
        }
        catch (PostgresException)
        {
            return 0;
        }
    }
}
