using System.Net;
using System.Text.Json;
using PressReleases.Web.Tests.Reliability;

namespace PressReleases.Web.Tests.Following;

/// <summary>
/// One web node as deployed: the built site in a process of its own, on its own port and data directory (its own
/// index), pointed at a shared PostgreSQL store, not ingesting anything itself.
/// </summary>
public sealed class Node : IDisposable
{
    private readonly string dataDirectory;
    private readonly string workingDirectory;
    private readonly string connectionString;
    private readonly IReadOnlyDictionary<string, string> extraSettings;
    private ChildApp process;

    private Node(string name, string dataDirectory, string workingDirectory, string connectionString, IReadOnlyDictionary<string, string> extraSettings)
    {
        Name = name;
        this.extraSettings = extraSettings;
        this.dataDirectory = dataDirectory;
        this.workingDirectory = workingDirectory;
        this.connectionString = connectionString;
        Port = FreePort.Find();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };
        process = Launch();
    }

    public string Name { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Output => process.Output;

    /// <summary>The settings every process of the deployment (nodes and ingester) shares.</summary>
    public static Dictionary<string, string> StoreSettings(string connectionString) => new()
    {
        ["PressReleases__Store__Provider"] = "PostgreSql",
        ["PressReleases__Store__ConnectionString"] = connectionString,
    };

    /// <param name="extraSettings">More settings (environment variables) for this node, e.g. polling only.</param>
    public static Node Start(string name, string dataDirectory, string workingDirectory, string connectionString, IReadOnlyDictionary<string, string>? extraSettings = null) =>
        new(name, dataDirectory, workingDirectory, connectionString, extraSettings ?? new Dictionary<string, string>());

    /// <summary>Waits for the node to end by itself (a start that fails); returns its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => process.WaitForExitAsync(timeout);

    /// <summary>SIGKILL, as a crashed machine or an operator's kill -9: no shutdown of any kind.</summary>
    public Task KillAsync() => process.KillAsync();

    /// <summary>Starts the node again with the same port and data directory.</summary>
    public void Restart()
    {
        process.Dispose();
        process = Launch();
    }

    /// <summary>The /healthz answer: status code and body (null while the node does not answer at all).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)?> HealthAsync()
    {
        try
        {
            using var response = await Client.GetAsync("/healthz");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return (response.StatusCode, body);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        process.Dispose();
        Client.Dispose();
    }

    private ChildApp Launch()
    {
        var settings = StoreSettings(connectionString);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        settings["PressReleases__IngestOnStartup"] = "false";
        settings["PressReleases__ApiRateLimit__PermitLimit"] = "0";
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        return ChildApp.Start(dataDirectory, workingDirectory, settings);
    }
}
