namespace PressReleases.Web.Cli;

/// <summary>
/// <c>healthcheck [--live] [--url URL]</c>: asks a running site whether it is ready (<c>/healthz</c>) or, with
/// <c>--live</c>, alive (<c>/healthz/live</c>), and exits 0 when it answers 200, 1 otherwise, with one line saying
/// what it found. It is the Docker image's HEALTHCHECK, since the runtime image has no curl. Without --url it asks
/// this machine at the address the site listens on (<c>ASPNETCORE_URLS</c>, else <c>ASPNETCORE_HTTP_PORTS</c>,
/// else Kestrel's default port 5000).
/// </summary>
internal sealed class HealthcheckCommand(Uri? url, bool live) : ICommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<int> RunAsync()
    {
        // The site's own address is worked out only when --url does not give one.
        var target = url;
        if (target is null)
        {
            var site = LocalSiteUrl(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
            if (!Uri.TryCreate(site, UriKind.Absolute, out var siteUri))
            {
                Console.Error.WriteLine($"No address to ask in ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS ('{site}'); give one with --url.");
                return 1;
            }

            target = new Uri(siteUri, live ? "/healthz/live" : "/healthz");
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(target);
            var body = await response.Content.ReadAsStringAsync();
            var line = $"{target} answered {(int)response.StatusCode}: {body}";
            if (response.IsSuccessStatusCode)
            {
                Console.Out.WriteLine(line);
                return 0;
            }

            Console.Error.WriteLine(line);
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            var reason = ex is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.Message;
            Console.Error.WriteLine($"{target} did not answer: {reason}");
            return 1;
        }
    }

    /// <summary>
    /// The site's own address on this machine: the first of its URLs, with a wildcard host (<c>+</c>, <c>*</c>,
    /// <c>0.0.0.0</c>, <c>[::]</c>) read as the loopback address.
    /// </summary>
    internal static string LocalSiteUrl(string? urls, string? httpPorts)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is not null)
        {
            var schemeEnd = first.IndexOf("://", StringComparison.Ordinal);
            var rest = first[(schemeEnd + 3)..];
            var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']') + 1 : rest.IndexOfAny([':', '/']);
            var host = hostEnd < 0 ? rest : rest[..hostEnd];
            var wildcard = host is "+" or "*" or "0.0.0.0" or "[::]" or "";
            return first[..(schemeEnd + 3)] + (wildcard ? "127.0.0.1" : host) + (hostEnd < 0 ? "" : rest[hostEnd..]).TrimEnd('/');
        }

        var port = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return $"http://127.0.0.1:{port ?? "5000"}";
    }
}
