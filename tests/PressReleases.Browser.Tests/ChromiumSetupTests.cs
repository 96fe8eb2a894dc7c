using PressReleases.Browser.Tests.TestSupport;

namespace PressReleases.Browser.Tests;

/// <summary>
/// A missing browser is never a silent skip. No Browser category: these check the installer's decisions without
/// launching Chromium, so they stay in the fast inner loop.
/// </summary>
public sealed class ChromiumSetupTests
{
    [Fact]
    public async Task MissingBrowser_WhenNotRoot_FailsWithTheInstallCommand()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}", "chromium");
        var logged = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Chromium.EnsureInstalledAsync(missing, isRoot: false, logged.Add));

        Assert.Equal("Chromium is missing: run 'sudo apt-get update && sudo apt-get install -y chromium' and re-run the tests", error.Message);
        Assert.Empty(logged);
    }

    [Fact]
    public async Task InstalledBrowser_NeedsNothing()
    {
        var logged = new List<string>();
        var present = typeof(ChromiumSetupTests).Assembly.Location;

        await Chromium.EnsureInstalledAsync(present, isRoot: false, logged.Add);

        Assert.Empty(logged);
    }
}
