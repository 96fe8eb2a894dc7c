using System.Net;
using System.Net.Sockets;
using PressReleases.Web.Tests.Reliability;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Startup;

/// <summary>
/// A site pointed at a PostgreSQL store it cannot use stops at start with exit code 1 and one line that names the
/// setting or the server (never the password), not a stack trace; the site and the command line alike.
/// </summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class PostgreSqlStartupTests : IDisposable
{
    private const string Password = "not-for-the-logs";
    private readonly TempDirectory temp = new("pg-start");

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string> BadStores => new()
    {
        { "Host=127.0.0.1;Port=notaport;Database=x", "The PostgreSQL connection string (PressReleases:Store:ConnectionString) is not valid" },
        { $"Host=127.0.0.1;Port={UnusedPort()};Database=nowhere;Username=pr;Password={Password};Timeout=3", "The store (the PostgreSQL database 'nowhere' on 127.0.0.1:" },
    };

    [Theory]
    [MemberData(nameof(BadStores))]
    public async Task Site_StopsAtStart_WithOneLineNamingTheStore(string connectionString, string expected)
    {
        using var site = ChildApp.Start(temp.Sub("data"), temp.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["PressReleases__Store__Provider"] = "PostgreSql",
            ["PressReleases__Store__ConnectionString"] = connectionString,
            ["PressReleases__IngestOnStartup"] = "false",
        });

        var exitCode = await site.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 1, $"exit code {exitCode}\n{site.Output}");
        var line = Assert.Single(site.Output.Split('\n'), l => l.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("Startup failed:", line, StringComparison.Ordinal);
        AssertNoStackTraceOrPassword(site.Output);
    }

    [Theory]
    [InlineData("PostgreSql", null, "PressReleases:Store:ConnectionString is empty")]
    [InlineData("Sqlite", "Host=db;Database=x", "PressReleases:Store:ConnectionString is for PostgreSql")]
    [InlineData("Postgres", null, "'PressReleases:Store:Provider'")]
    public async Task Site_WithStoreSettingsThatDoNotFit_StopsNamingTheSetting(string provider, string? connectionString, string expected)
    {
        var settings = new Dictionary<string, string> { ["PressReleases__Store__Provider"] = provider };
        if (connectionString is not null)
        {
            settings["PressReleases__Store__ConnectionString"] = connectionString;
        }

        SiteStart.AssertStoppedForSetting(await SiteStart.RunUntilExitAsync(temp, settings), expected);
    }

    private static void AssertNoStackTraceOrPassword(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
