using System.Collections.Concurrent;
using System.Text.Json;
using PressReleases.Benchmarks.Cli;
using PressReleases.Benchmarks.Setup;

namespace PressReleases.Benchmarks.Mix;

/// <summary>
/// <c>httpmix</c>: the query mix against the JSON search of a running site, one client, one request at a time,
/// so each figure is the latency of one request on an otherwise idle site (plus the loopback and JSON costs).
/// A response counts when it is 200 with a JSON body holding a total and an items list; anything else is an
/// error, left out of the timings and summarised by reason.
/// </summary>
public static class HttpMixVerb
{
    public const string StartHint = """
        Start the site on the benchmark data first (Release build; the API rate limit off), e.g. from the repository root:
          dotnet build -c Release src/PressReleases.Web
          PressReleases__DataDirectory=/tmp/pressreleases-bench-data PressReleases__IngestOnStartup=false \
          PressReleases__ApiRateLimit__PermitLimit=0 \
            dotnet src/PressReleases.Web/bin/Release/net10.0/PressReleases.Web.dll --urls http://127.0.0.1:5080
        (build the data first with the build-data verb; querymix and the site cannot use one data directory at once).
        """;

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        var total = await ProbeAsync(client, output, cancellationToken);
        if (total is null)
        {
            output.WriteLine(StartHint);
            return 1;
        }

        var mix = QueryMixBuilder.Build(BenchPaths.CorpusFolder, BenchPaths.JudgedQueriesFile);
        MixReport.Describe(mix, output);
        output.WriteLine($"site: {options.Url} lists {total:N0} releases");
        MixReport.Machine(output);

        var reasons = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var operations = mix.Select(q => new MixOperation(q.ToString(), async ct =>
        {
            var reason = await RequestAsync(client, q.ToApiPath(), ct);
            if (reason is not null)
            {
                reasons.AddOrUpdate(reason, 1, (_, n) => n + 1);
            }

            return reason is null;
        })).ToList();

        var outcome = await new MixRunner(output, options.Passes, options.Runs)
            .RunAsync("GET /api/releases (query + facets + 20 highlighted hits, JSON)", operations, cancellationToken);
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
        {
            output.WriteLine($"error: {reason} ×{count}");
        }

        if (reasons.Keys.Any(r => r.StartsWith("429", StringComparison.Ordinal)))
        {
            output.WriteLine("429 means the API rate limit is on: restart the site with PressReleases__ApiRateLimit__PermitLimit=0.");
        }

        MixReport.Machine(output);
        return outcome.Errors == 0 ? 0 : 1;
    }

    /// <summary>The number of releases the site lists, or null (with the reason printed) when it does not answer.</summary>
    private static async Task<int?> ProbeAsync(HttpClient client, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync("/api/releases?pageSize=1", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                output.WriteLine($"{client.BaseAddress}api/releases answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            return json.RootElement.GetProperty("total").GetInt32();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            output.WriteLine($"No search API at {client.BaseAddress}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Null when the response is a usable search result, else why not.</summary>
    private static async Task<string?> RequestAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }

            using var json = JsonDocument.Parse(body);
            var ok = json.RootElement.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number
                && json.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;
            return ok ? null : "200 without total and items";
        }
        catch (HttpRequestException ex)
        {
            return $"request failed: {ex.HttpRequestError}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timed out after 30 s";
        }
        catch (JsonException)
        {
            return "200 with a body that is not JSON";
        }
    }
}
