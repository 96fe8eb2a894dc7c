using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PressReleases.TestSupport.Servers;

/// <summary>
/// A program the tests need from Debian's packages (Chromium, PostgreSQL). A missing one is installed with apt
/// when the tests run as root, and fails the run with the command to type otherwise: never a skip.
/// </summary>
public static class DebianPackage
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The message a test fails with when <paramref name="package"/> is missing and may not be installed.</summary>
    public static string MissingMessage(string what, string package) =>
        $"{what} is missing: run 'sudo apt-get update && sudo apt-get install -y {package}' and re-run the tests";

    /// <summary>
    /// Makes sure <paramref name="isPresent"/> holds, installing <paramref name="package"/> with apt when running as root;
    /// <paramref name="log"/> receives apt's output.
    /// </summary>
    public static async Task EnsureInstalledAsync(string what, string package, Func<bool> isPresent, bool isRoot, Action<string> log)
    {
        if (isPresent())
        {
            return;
        }

        var missing = MissingMessage(what, package);
        if (!isRoot)
        {
            throw new InvalidOperationException(missing);
        }

        await Gate.WaitAsync();
        try
        {
            if (isPresent())
            {
                return;
            }

            log($"{what} is missing and the tests run as root: installing Debian's {package} with apt (a few minutes).");
            await RunAsync("apt-get", ["update"], TimeSpan.FromMinutes(3), missing, log);
            await RunAsync("apt-get", ["install", "-y", package], TimeSpan.FromMinutes(5), missing, log);
            if (!isPresent())
            {
                throw new InvalidOperationException($"apt-get installed {package} but {what} is still missing. " + missing);
            }

            log($"Installed {package}.");
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

    private static async Task RunAsync(string file, string[] arguments, TimeSpan timeout, string missing, Action<string> log)
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
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes:0} minutes. {missing}\n{Tail(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}. {missing}\n{Tail(output)}");
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
