using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>
/// Debian's Chromium at /usr/bin/chromium: the browser the tests drive (Playwright never downloads one).
/// A missing browser is installed with apt when the tests run as root, and fails the run otherwise: never a skip.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string MissingMessage =
        "Chromium is missing: run 'sudo apt-get update && sudo apt-get install -y chromium' and re-run the tests";

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

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Makes sure the browser exists, installing it with apt when running as root; <paramref name="log"/> receives apt's output.</summary>
    public static Task EnsureInstalledAsync(Action<string> log) => EnsureInstalledAsync(ExecutablePath, IsRoot(), log);

    /// <summary>The same decision for any path and user (so the not-root failure can be tested without uninstalling anything).</summary>
    public static async Task EnsureInstalledAsync(string executablePath, bool isRoot, Action<string> log)
    {
        if (File.Exists(executablePath))
        {
            return;
        }

        if (!isRoot)
        {
            throw new InvalidOperationException(MissingMessage);
        }

        await Gate.WaitAsync();
        try
        {
            if (File.Exists(executablePath))
            {
                return;
            }

            log($"{ExecutablePath} is missing and the tests run as root: installing Debian's chromium with apt (a few minutes).");
            await RunAsync("apt-get", ["update"], TimeSpan.FromMinutes(3), log);
            await RunAsync("apt-get", ["install", "-y", "chromium"], TimeSpan.FromMinutes(5), log);
            if (!File.Exists(executablePath))
            {
                throw new InvalidOperationException($"apt-get installed chromium but {executablePath} is still missing. " + MissingMessage);
            }

            log($"Installed {executablePath}.");
        }
        finally
        {
            Gate.Release();
        }
    }

    public static bool IsRoot()
    {
        if (Environment.UserName == "root")
        {
            return true;
        }

        try
        {
            return OperatingSystem.IsLinux() && geteuid() == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();

    private static async Task RunAsync(string file, string[] arguments, TimeSpan timeout, Action<string> log)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            log($"{file}: {e.Data}");
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        log($"$ DEBIAN_FRONTEND=noninteractive {file} {string.Join(' ', arguments)}");
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes:0} minutes. {MissingMessage}\n{Tail(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}. {MissingMessage}\n{Tail(output)}");
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > 3000 ? "…" + text[^3000..] : text;
        }
    }
}
