using PressReleases.TestSupport.Servers;

namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>
/// Debian's Chromium at /usr/bin/chromium: the browser the tests drive (Playwright never downloads one).
/// A missing browser is installed with apt when the tests run as root, and fails the run otherwise: never a skip.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string MissingMessage = DebianPackage.MissingMessage("Chromium", "chromium");

    /// <summary>Launch arguments verified on this kind of machine (as root Chromium refuses to start without --no-sandbox).</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    /// <summary>Makes sure the browser exists, installing it with apt when running as root; <paramref name="log"/> receives apt's output.</summary>
    public static Task EnsureInstalledAsync(Action<string> log) => EnsureInstalledAsync(ExecutablePath, DebianPackage.IsRoot(), log);

    /// <summary>The same decision for any path and user (so the not-root failure can be tested without uninstalling anything).</summary>
    public static Task EnsureInstalledAsync(string executablePath, bool isRoot, Action<string> log) =>
        DebianPackage.EnsureInstalledAsync("Chromium", "chromium", () => File.Exists(executablePath), isRoot, log);
}
