using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// The site over the seeds, with the client's address taken from a test header (the test server has no network
/// peer to take it from) and every log line kept, for the metrics and request-log tests.
/// </summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    public const string ClientAddressHeader = ClientAddressFromHeader.Header;

    private readonly TempDirectory temp = new("metrics");
    private PressReleasesFactory factory = null!;

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public LogLines Logs { get; } = new();

    public async Task InitializeAsync()
    {
        factory = new PressReleasesFactory(RepoPaths.Seeds, temp.Sub("data"));
        Site = factory.WithWebHostBuilder(builder =>
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddressFromHeader()));
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        });
        Client = Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await factory.WaitForReleasesAsync(Client, SeedCorpus.ExpectedReleases);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        temp.Dispose();
    }

    /// <summary>GET /metrics as if from <paramref name="clientAddress"/>.</summary>
    public async Task<HttpResponseMessage> GetMetricsAsync(string clientAddress = "127.0.0.1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ClientAddressHeader, clientAddress);
        return await Client.SendAsync(request);
    }

    /// <summary>The Prometheus text of a scrape from the machine itself.</summary>
    public async Task<Scrape> ScrapeAsync()
    {
        using var response = await GetMetricsAsync();
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /metrics from 127.0.0.1 answered {(int)response.StatusCode}: {text}");
        return new Scrape(text);
    }
}

/// <summary>Every log line at Information or above, as "Category: message".</summary>
public sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)}");
    }
}

/// <summary>One scrape's Prometheus text, read a sample at a time.</summary>
public sealed partial class Scrape(string text)
{
    public string Text { get; } = text;

    /// <summary>
    /// The value of the sample named <paramref name="name"/> whose labels include every one of
    /// <paramref name="labels"/> (<c>key="value"</c>); null when there is none.
    /// </summary>
    public double? Value(string name, params string[] labels)
    {
        foreach (Match sample in Sample().Matches(Text))
        {
            if (sample.Groups["name"].Value == name && labels.All(label => sample.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            {
                return double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The value, or 0 for a counter that has not been added to yet.</summary>
    public double ValueOrZero(string name, params string[] labels) => Value(name, labels) ?? 0;

    public override string ToString() => Text;

    // name{labels} value [timestamp]
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
