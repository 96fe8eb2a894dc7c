using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>
/// The site on a real socket (Kestrel on 127.0.0.1 and a free port) so a real browser can reach it, over its own
/// temporary data directory and the repository's seeds/ (or a folder of the test's own).
/// </summary>
public sealed class SiteServer : WebApplicationFactory<Program>
{
    private readonly TempDirectory temp = new("browser-site");

    /// <param name="sourceFolder">The release files to ingest at start; the repository's seeds/ when null.</param>
    public SiteServer(string? sourceFolder = null)
    {
        DataDirectory = temp.Sub("data");
        SourceFolder = sourceFolder ?? RepoPaths.Seeds;
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public string SourceFolder { get; }

    /// <summary>The real address the browser uses, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = null!;

    public ServerLog Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("PressReleases:DataDirectory", DataDirectory);
        builder.UseSetting("PressReleases:SourceFolder", SourceFolder);
        builder.UseSetting("PressReleases:IngestOnStartup", "true");
        // The heap limit is the whole process's, and this process is the test runner too (the Web tests cover the limit).
        builder.UseSetting("PressReleases:Memory:ServingHeapLimitMB", "0");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
    }

    /// <summary>Starts Kestrel and waits until /healthz is ready and the API lists every seed release.</summary>
    public async Task StartAsync(int expectedReleases, TimeSpan timeout)
    {
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // A plain HttpClient over the socket: the same path the browser takes.
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var health = await client.GetAsync("healthz");
                var healthBody = await health.Content.ReadAsStringAsync();
                last = $"/healthz → {(int)health.StatusCode} {healthBody}";
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    using var list = await client.GetAsync("api/releases?pageSize=1");
                    var listBody = await list.Content.ReadAsStringAsync();
                    if (list.StatusCode == HttpStatusCode.OK)
                    {
                        var total = JsonDocument.Parse(listBody).RootElement.GetProperty("total").GetInt32();
                        var releases = JsonDocument.Parse(healthBody).RootElement.GetProperty("releases");
                        var indexed = releases.GetProperty("indexed").GetInt32();
                        last = $"api total {total}, {last}";
                        if (total == expectedReleases && indexed == expectedReleases)
                        {
                            return;
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(150);
        }

        throw new InvalidOperationException(
            $"The site at {BaseUrl} did not reach {expectedReleases} releases within {timeout.TotalSeconds:0} s. Last seen: {last}. Server log:\n{Logs}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        temp.Dispose();
    }
}

/// <summary>Keeps the site's warnings and errors so a failing start can say what the server logged.</summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public override string ToString() => entries.IsEmpty ? "(nothing logged at Warning or above)" : string.Join("\n", entries.TakeLast(20));

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}
