using PressReleases.Web.Cli;
using PressReleases.Web.Tests.Reliability;

namespace PressReleases.Web.Tests.Cli;

/// <summary>
/// <c>healthcheck</c>, the Docker image's HEALTHCHECK: run as its own process against the site running in another,
/// as Docker runs it. It finds the site from ASPNETCORE_URLS as the site does, and its exit code says ready or not.
/// </summary>
public sealed class HealthcheckCommandTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory temp = new("healthcheck");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task AgainstTheRunningSite_ExitsZero_AndOnceItHasStopped_ExitsOne()
    {
        var port = FreePort.Find();
        var listen = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        var site = ChildApp.Start(temp.Sub("data"), temp.Path, new Dictionary<string, string>(listen) { ["PressReleases__IngestOnStartup"] = "false" });
        try
        {
            // Without --url it asks where ASPNETCORE_URLS says the site listens, as in the image; until the site is up, 1.
            var ready = await UntilExitZeroAsync(listen, () => site.Output, "healthcheck");
            Assert.Contains($"http://127.0.0.1:{port}/healthz answered 200", ready, StringComparison.Ordinal);
            Assert.Contains("\"status\":\"ready\"", ready, StringComparison.Ordinal);

            var live = await RunAsync(null, "healthcheck", "--live", "--url", $"http://127.0.0.1:{port}/healthz/live");
            Assert.True(live.ExitCode == 0, live.Output);
            Assert.Contains("\"status\":\"live\"", live.Output, StringComparison.Ordinal);
        }
        finally
        {
            await site.KillAsync();
            site.Dispose();
        }

        var stopped = await RunAsync(listen, "healthcheck");
        Assert.True(stopped.ExitCode == 1, stopped.Output);
        Assert.Contains($"err: http://127.0.0.1:{port}/healthz did not answer", stopped.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--url", "ftp://example.org/healthz")]
    [InlineData("--url", "not a url")]
    [InlineData("--ready")]
    public async Task BadArguments_AreAUsageError(params string[] args)
    {
        var result = await RunAsync(null, ["healthcheck", .. args]);
        Assert.True(result.ExitCode == CommandLine.UsageExitCode, result.Output);
        Assert.Contains("healthcheck", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://+:8080", null, "http://127.0.0.1:8080")]
    [InlineData("http://*:8080;https://*:8443", null, "http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:5005/", null, "http://127.0.0.1:5005")]
    [InlineData("http://[::]:80", null, "http://127.0.0.1:80")]
    [InlineData("http://localhost:5000", null, "http://localhost:5000")]
    [InlineData("http://[::1]:5000", null, "http://[::1]:5000")]
    [InlineData(null, "8080", "http://127.0.0.1:8080")]
    [InlineData(null, "9000;9001", "http://127.0.0.1:9000")]
    [InlineData(null, null, "http://127.0.0.1:5000")]
    public void LocalSiteUrl_IsWhereTheSiteListens_OnThisMachine(string? urls, string? httpPorts, string expected)
    {
        Assert.Equal(expected, HealthcheckCommand.LocalSiteUrl(urls, httpPorts));
    }

    private async Task<string> UntilExitZeroAsync(IReadOnlyDictionary<string, string> environment, Func<string> siteOutput, params string[] args)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var result = await RunAsync(environment, args);
            if (result.ExitCode == 0)
            {
                return result.Output;
            }

            Assert.True(result.ExitCode == 1, result.Output);
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"healthcheck never exited 0 within {Deadline.TotalSeconds:0} s; its last output:\n{result.Output}\nThe site's:\n{siteOutput()}");
            }

            await Task.Delay(250);
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var app = ChildApp.Start(temp.Sub("healthcheck-data"), temp.Path, environment, args);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return (exitCode, app.Output);
    }
}
