using PressReleases.Web.Tests.Reliability;

namespace PressReleases.Web.Tests.TestSupport;

/// <summary>Starting the built site as a process with settings that must stop it, and what it said.</summary>
public static class SiteStart
{
    /// <summary>Starts the site with <paramref name="settings"/> (environment variables) and waits for it to exit by itself.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(TempDirectory temp, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(settings) { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" };
        environment.TryAdd("PressReleases__IngestOnStartup", "false");
        using var site = ChildApp.Start(temp.Sub("data"), temp.Path, environment);
        var exitCode = await site.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, site.Output);
    }

    /// <summary>
    /// The site stopped with exit code 1 and one "Invalid setting" line naming <paramref name="setting"/>, on stderr,
    /// without a stack trace.
    /// </summary>
    public static void AssertStoppedForSetting((int ExitCode, string Output) run, string setting)
    {
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}\n{run.Output}");
        var line = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("err: Invalid setting:", StringComparison.Ordinal));
        Assert.Contains(setting, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }
}
