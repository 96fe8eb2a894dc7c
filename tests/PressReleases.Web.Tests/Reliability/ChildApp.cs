using System.Diagnostics;
using System.Text;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// The built site (<c>dotnet PressReleases.Web.dll [verb ...]</c>) as a child process that a test can kill
/// with SIGKILL mid-run, as a crash or an operator's <c>kill -9</c> would, or ask to stop with SIGTERM or SIGINT.
/// </summary>
public sealed class ChildApp : IDisposable
{

    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildApp(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append("out", e.Data);
        process.ErrorDataReceived += (_, e) => Append("err", e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>stdout and stderr as they came, each line prefixed with its stream.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the app with its own data directory; <paramref name="environment"/> adds settings (e.g. ASPNETCORE_URLS).</summary>
    public static ChildApp Start(string dataDirectory, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StartAssembly(CliRunner.WebAssembly, dataDirectory, workingDirectory, environment, args);

    /// <summary>As <see cref="Start"/>, from another copy of the site, such as a published one.</summary>
    public static ChildApp StartAssembly(string assembly, string dataDirectory, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        Assert.True(File.Exists(assembly), $"The site's build output is missing: {assembly}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PressReleases__DataDirectory"] = dataDirectory;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("PressReleases__SourceFolder");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new ChildApp(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>SIGKILL: no shutdown handler, no flush, no finally block runs in the child.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as <c>docker stop</c> or systemd sends it: the app may finish what it is doing first.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>SIGINT, as Ctrl+C in a terminal sends it.</summary>
    public void Interrupt() => Signal("INT");

    /// <summary>
    /// Waits until a line of output (prefixed "out: " or "err: ") satisfies <paramref name="match"/> and returns it; the
    /// app exiting first, or the deadline passing, fails the test with the output so far.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Output.Split('\n').FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var state = process.HasExited ? $"exited with code {process.ExitCode}" : $"was still running after {timeout.TotalSeconds:0} s";
                Assert.Fail($"Waiting for {what}, the app {state}. Output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the process to end by itself and returns its exit code; a hang fails the test.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            Assert.Fail($"The app did not exit within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }

        // The exit event can come before the last redirected lines; this overload waits for them.
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>The system's kill command: .NET itself can only send SIGKILL.</summary>
    private void Signal(string signal)
    {
        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var kill = Process.Start(start) ?? throw new InvalidOperationException("kill did not start");
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -s {signal} {process.Id} failed: {error}");
    }

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(stream).Append(": ").Append(line).Append('\n');
        }
    }
}
