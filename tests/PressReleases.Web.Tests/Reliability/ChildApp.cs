using System.Diagnostics;
using System.Text;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// The built site (<c>dotnet PressReleases.Web.dll [verb ...]</c>) as a child process that a test can kill
/// with SIGKILL mid-run, as a crash or an operator's <c>kill -9</c> would.
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
    public static ChildApp Start(string dataDirectory, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        Assert.True(File.Exists(CliRunner.WebAssembly), $"The site's build output is missing: {CliRunner.WebAssembly}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(CliRunner.WebAssembly);
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
