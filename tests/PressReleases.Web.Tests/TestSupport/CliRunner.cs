using System.Diagnostics;

namespace PressReleases.Web.Tests.TestSupport;

public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";

    /// <summary>The number on a summary line such as "Added      213".</summary>
    public int Summary(string label)
    {
        var line = StdOut.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(label + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"No '{label}' line in the output:\n{this}");
        return int.Parse(line[label.Length..].Trim().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    public IEnumerable<string> StdOutLines => StdOut.Split('\n').Select(l => l.TrimEnd('\r'));
}

/// <summary>
/// Runs the built site as a child process (<c>dotnet PressReleases.Web.dll verb ...</c>), with its own data
/// directory in the environment: the verbs read configuration from the environment and write to the console,
/// both process-wide, so a child process keeps them apart from the tests running alongside.
/// </summary>
public static class CliRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string WebAssembly => Path.Combine(AppContext.BaseDirectory, "PressReleases.Web.dll");

    public static async Task<CliResult> RunAsync(string dataDirectory, string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(WebAssembly), $"The site's build output is missing: {WebAssembly}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(WebAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PressReleases__DataDirectory"] = dataDirectory;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("PressReleases__SourceFolder");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', args)}' did not finish within {Timeout.TotalSeconds:0} s.\n{await stdout}\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
