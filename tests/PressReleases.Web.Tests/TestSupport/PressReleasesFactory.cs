using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace PressReleases.Web.Tests.TestSupport;

/// <summary>
/// The site over a real SQLite file and a real Lucene index in <see cref="DataDirectory"/>, ingesting
/// <see cref="SourceFolder"/> at startup unless told not to.
/// </summary>
public sealed class PressReleasesFactory(string sourceFolder, string dataDirectory, bool ingestOnStartup = true, string environment = "Testing")
    : WebApplicationFactory<Program>
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan LetGoWait = TimeSpan.FromSeconds(10);

    public string SourceFolder { get; } = sourceFolder;

    public string DataDirectory { get; } = dataDirectory;

    public LogSink Logs { get; } = new();

    /// <summary>
    /// Configuration applied after the defaults above, e.g. <c>["PressReleases:ApiRateLimit:PermitLimit"] = "3"</c>.
    /// Set before the first client or <c>Services</c> call, which builds the host.
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal)
    {
        // Tests make many API requests in quick succession; only the rate-limit tests turn the limit on.
        ["PressReleases:ApiRateLimit:PermitLimit"] = "0",
    };

    /// <summary>
    /// Stops the site, then waits (a bounded time) until its index is let go. The factory's own disposal can return
    /// before the site's services are disposed: the site's entry point runs the host and disposes it on its own thread
    /// once stopped, and when it gets there first, the factory's disposal finds the services already being disposed
    /// and returns at once, while the index may still be committing and holds its lock. A test that opens the data
    /// directory next (the index itself, or a second site) would find the index "in use by another process".
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        var lockFile = Path.Combine(DataDirectory, "index.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (File.Exists(lockFile) && waited.Elapsed < LetGoWait)
        {
            try
            {
                using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    return;
                }
            }
            catch (IOException)
            {
                await Task.Delay(20);
            }
        }
    }

    public HttpClient CreateTestClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("PressReleases:DataDirectory", DataDirectory);
        builder.UseSetting("PressReleases:SourceFolder", SourceFolder);
        builder.UseSetting("PressReleases:IngestOnStartup", ingestOnStartup ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
    }

    /// <summary>
    /// Polls until the API lists <paramref name="expected"/> releases and /healthz reports the store and the
    /// index both holding that many: the startup ingest has finished.
    /// </summary>
    public async Task WaitForReleasesAsync(HttpClient client, int expected, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWait;
        var deadline = DateTime.UtcNow + limit;
        var last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            HttpResponseMessage list, health;
            try
            {
                list = await client.GetAsync("/api/releases?pageSize=1");
                health = await client.GetAsync("/healthz");
            }
            catch (ObjectDisposedException)
            {
                // A startup failure stops the host, and with it the test server: the log says why.
                Assert.Fail($"The site stopped while waiting for {expected} releases (source {SourceFolder}, data {DataDirectory}). Server log:\n{Logs}");
                throw;
            }

            var listBody = await list.Content.ReadAsStringAsync();
            var healthBody = await health.Content.ReadAsStringAsync();
            last = $"/api/releases?pageSize=1 → {(int)list.StatusCode}; /healthz → {(int)health.StatusCode} {healthBody}";
            if (list.StatusCode == HttpStatusCode.OK && health.StatusCode == HttpStatusCode.OK)
            {
                var total = JsonDocument.Parse(listBody).RootElement.GetProperty("total").GetInt32();
                var releases = JsonDocument.Parse(healthBody).RootElement.GetProperty("releases");
                var stored = releases.GetProperty("stored").GetInt32();
                var indexed = releases.GetProperty("indexed").GetInt32();
                last = $"api total {total}, health stored {stored}, indexed {indexed}";
                if (total == expected && stored == expected && indexed == expected)
                {
                    return;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The site did not reach {expected} releases within {limit.TotalSeconds:0} s (source {SourceFolder}, data {DataDirectory}). " +
            $"Last seen: {last}. Server log:\n{Logs}");
    }
}
