using System.Data.Common;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>
/// compose.yaml, the multi-node deployment, read as Compose would read it (no container engine runs these tests):
/// each test names a way the file could be wrong that would only show once deployed.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string[] TopLevelKeys = ["name", "include", "services", "networks", "volumes", "configs", "secrets", "models"];

    private readonly ComposeFile compose = ComposeFile.Load();
    private readonly DockerfileStage image = DockerfileStage.Load();

    private ComposeService Postgres => compose.Service("postgres");

    private ComposeService Ingester => compose.Service("ingester");

    private ComposeService Proxy => compose.Service("proxy");

    /// <summary>The services that run the repository's image: the nodes and the ingester.</summary>
    private IEnumerable<ComposeService> AppServices => compose.Nodes.Append(Ingester);

    [Fact]
    public void IsComposeSpecification_WithTheFiveServices()
    {
        // The Compose Specification has no `version:` (Compose calls it obsolete); any other unknown key is a typo Compose refuses.
        var unknown = compose.Root.Children.Keys.Select(ComposeFile.Text)
            .Where(key => !TopLevelKeys.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal));
        Assert.Empty(unknown);

        Assert.Superset(new HashSet<string> { "postgres", "ingester", "node1", "node2", "proxy" }, compose.Services.Keys.ToHashSet());
        Assert.Superset(new HashSet<string> { "node1", "node2" }, compose.Nodes.Select(n => n.Name).ToHashSet());
        Assert.StartsWith("postgres:", Postgres.Image, StringComparison.Ordinal);
        Assert.StartsWith("nginx", Proxy.Image, StringComparison.Ordinal);
    }

    [Fact]
    public void NodesAndIngester_BuildTheRepositoryDockerfile()
    {
        foreach (var service in AppServices)
        {
            var build = service.Build;
            Assert.True(build is not null, $"{service} has no build: it would run whatever image of that name exists.");
            Assert.Equal(RepoPaths.Root, Path.GetFullPath(Path.Combine(RepoPaths.Root, build.Context)).TrimEnd(Path.DirectorySeparatorChar));
            Assert.Equal(DockerfileStage.FilePath, Path.GetFullPath(Path.Combine(RepoPaths.Root, build.Context, build.Dockerfile)));
        }
    }

    [Fact]
    public void EachNodeAndTheIngester_KeepTheirIndexOnAVolumeOfTheirOwn()
    {
        foreach (var service in AppServices)
        {
            var dataDirectory = PressReleasesSettings.Bind<PressReleasesOptions>(EnvironmentOf(service)).DataDirectory;
            var mount = service.Volumes.SingleOrDefault(v => v.Target == dataDirectory);
            Assert.True(mount is { IsNamedVolume: true }, $"{service}: its data directory {dataDirectory} is not on a named volume, so its index is lost with the container.");
        }

        // A Lucene index has one writer: two services on one volume would fight over it (and a database's volume is its own).
        var shared = compose.Services.Values
            .SelectMany(s => s.Volumes.Where(v => v.IsNamedVolume).Select(v => (Volume: v.Source, Service: s.Name)))
            .GroupBy(use => use.Volume)
            .Where(uses => uses.Select(u => u.Service).Distinct().Count() > 1)
            .Select(uses => $"{uses.Key}: {string.Join(", ", uses.Select(u => u.Service))}");
        Assert.Empty(shared);
    }

    [Fact]
    public void Nodes_LeaveIngestingToTheIngester()
    {
        Assert.All(compose.Nodes, node => Assert.False(
            PressReleasesSettings.Bind<PressReleasesOptions>(EnvironmentOf(node)).IngestOnStartup,
            $"{node} would ingest its image's seeds into the shared store at start."));
    }

    [Fact]
    public void EveryPressReleasesKey_NamesASettingTheSiteBinds()
    {
        var keys = compose.Services.Values.SelectMany(s => s.Environment.Keys).Concat(image.Environment.Keys)
            .Where(PressReleasesSettings.IsPressReleasesKey)
            .ToList();
        Assert.NotEmpty(keys);

        // A misspelt key is ignored by the binder without a word: the setting silently keeps its default.
        Assert.DoesNotContain(keys, key => PressReleasesSettings.Find(key) is null);
    }

    [Fact]
    public void EveryServiceOfTheImage_WouldStartWithItsSettings()
    {
        foreach (var service in AppServices)
        {
            var problems = PressReleasesSettings.Problems(EnvironmentOf(service));
            Assert.True(problems.Count == 0, $"{service}: {string.Join(" | ", problems)}");
        }
    }

    [Fact]
    public void NodesAndIngester_ShareThePostgresServiceDatabase()
    {
        var server = Postgres.Environment;
        foreach (var service in AppServices)
        {
            var store = PressReleasesSettings.Bind<StoreOptions>(EnvironmentOf(service));
            Assert.Equal(StoreProvider.PostgreSql, store.Provider);

            // Throws a StoreException for a connection string Npgsql cannot read, or one with no Host.
            var location = StoreLocation.PostgreSql(store.ConnectionString!);
            var settings = new DbConnectionStringBuilder { ConnectionString = location.ConnectionString };
            Assert.Equal(Postgres.Name, settings["Host"]);
            Assert.Equal(server["POSTGRES_DB"], settings["Database"]);
            Assert.Equal(server["POSTGRES_USER"], settings["Username"]);
            Assert.Equal(server["POSTGRES_PASSWORD"], settings["Password"]);
            Assert.True(!settings.ContainsKey("Port") || Equals(settings["Port"], "5432"), $"{service}: the postgres image listens on 5432.");
        }
    }

    [Fact]
    public void Ingester_WatchesTheMountedFolder_ReadOnly()
    {
        var command = Ingester.Command;
        Assert.NotNull(command);
        Assert.Equal("ingest", command[0]);
        Assert.Contains("--watch", command);

        var folder = command.Skip(1).Single(arg => !arg.StartsWith('-'));
        var mount = Ingester.Volumes.SingleOrDefault(v => v.Target == folder);
        Assert.True(mount is { IsBind: true, ReadOnly: true }, $"The ingester's folder {folder} is not a read-only host folder.");

        // The default (no RELEASES_DIR) must be a folder of releases: Docker would create a missing one, empty.
        var byDefault = Path.GetFullPath(Path.Combine(RepoPaths.Root, mount.Source));
        Assert.True(Directory.Exists(byDefault) && Directory.EnumerateFiles(byDefault, "*.md").Any(), $"No releases in {byDefault}.");
    }

    [Fact]
    public void EveryDependency_IsADefinedService_AndHealthyWaitsHaveAHealthcheck()
    {
        foreach (var service in compose.Services.Values)
        {
            foreach (var (name, condition) in service.DependsOn)
            {
                Assert.True(compose.Services.ContainsKey(name), $"{service} depends on '{name}', which is not a service.");
                Assert.Contains(condition, new[] { "service_started", "service_healthy", "service_completed_successfully" });
                Assert.True(condition != "service_healthy" || compose.Services[name].HealthcheckTest is not null,
                    $"{service} waits for {name} to be healthy, but {name} has no healthcheck: it never would be.");
            }
        }

        // The nodes and the ingester migrate or read the store at start: the server must accept connections first.
        Assert.All(AppServices, s => Assert.Equal("service_healthy", s.DependsOn.GetValueOrDefault(Postgres.Name)));
        Assert.Contains("pg_isready", string.Join(' ', Postgres.HealthcheckTest!), StringComparison.Ordinal);
    }

    [Fact]
    public void Proxy_BalancesExactlyTheNodes_OnThePortTheImageListensOn()
    {
        var config = ProxyConfig();
        var upstream = NginxConfig.Find(config, "upstream").Single();
        var proxyPass = NginxConfig.Find(config, "proxy_pass").Single().Args.Single();
        Assert.Equal($"http://{upstream.Args.Single()}", proxyPass);

        var port = Assert.Single(image.ListenPorts);
        Assert.Equal(
            compose.Nodes.Select(node => $"{node.Name}:{port}").Order(StringComparer.Ordinal),
            upstream.Find("server").Select(server => server.Args[0]).Order(StringComparer.Ordinal));
        Assert.All(compose.Nodes, node => Assert.False(node.Environment.ContainsKey("ASPNETCORE_URLS"), $"{node} moves its port away from the image's."));

        // nginx listens where the published port leads; the nodes publish none (see the forwarded headers in compose.yaml).
        var listen = NginxConfig.Find(config, "listen").Single().Args[0];
        Assert.Equal([int.Parse(listen, System.Globalization.CultureInfo.InvariantCulture)], Proxy.PublishedContainerPorts);
        Assert.Equal([Proxy.Name], compose.Services.Values.Where(s => s.PublishedContainerPorts.Count > 0).Select(s => s.Name));

        // `resolve` on an upstream server needs nginx 1.27.3 or later; an older image refuses the configuration.
        var tag = Proxy.Image!.Split(':').ElementAtOrDefault(1) ?? "latest";
        Assert.True(!upstream.Find("server").Any(server => server.Args.Contains("resolve")) || SupportsUpstreamResolve(tag),
            $"nginx:{tag} may predate the upstream 'resolve' parameter (1.27.3).");
    }

    [Fact]
    public void Proxy_RetriesTheOtherNode_AndTellsTheNodesWhoAsked()
    {
        var location = NginxConfig.Find(ProxyConfig(), "location").Single();

        var retryOn = location.Find("proxy_next_upstream").Single().Args;
        Assert.Superset(new HashSet<string> { "error", "timeout", "http_503" }, retryOn.ToHashSet());

        // Compose turns an unescaped $host into nothing, so each header must arrive with its nginx variable.
        var headers = location.Find("proxy_set_header").ToDictionary(h => h.Args[0], h => h.Args.Count > 1 ? h.Args[1] : "", StringComparer.OrdinalIgnoreCase);
        Assert.Equal("$http_host", headers.GetValueOrDefault("Host"));
        Assert.Equal("$proxy_add_x_forwarded_for", headers.GetValueOrDefault("X-Forwarded-For"));
        Assert.Equal("$scheme", headers.GetValueOrDefault("X-Forwarded-Proto"));

        // The headers count only when the nodes read them: from Docker's private pools, where the proxy's address
        // comes from, and never from anyone (the framework's ASPNETCORE_FORWARDEDHEADERS_ENABLED believes all).
        Assert.All(compose.Nodes, node =>
        {
            var networks = node.Environment.Where(e => e.Key.StartsWith("PressReleases__Proxy__KnownNetworks__", StringComparison.Ordinal))
                .Select(e => System.Net.IPNetwork.Parse(e.Value)).ToList();
            Assert.Contains(networks, n => n.Contains(System.Net.IPAddress.Parse("172.18.0.5")));
            Assert.False(node.Environment.ContainsKey("ASPNETCORE_FORWARDEDHEADERS_ENABLED"), $"{node} believes forwarded headers from anyone.");
        });
    }

    [Fact]
    public void EveryNamedVolumeAndConfig_IsDeclared()
    {
        var volumes = compose.Services.Values.SelectMany(s => s.Volumes).Where(v => v.IsNamedVolume).Select(v => v.Source).Distinct().ToList();
        Assert.NotEmpty(volumes);
        Assert.Empty(volumes.Except(compose.DeclaredVolumes));

        var configs = compose.Services.Values.SelectMany(s => s.Configs).Select(c => c.Source).Distinct().ToList();
        Assert.NotEmpty(configs);
        Assert.Empty(configs.Except(compose.DeclaredConfigs));
    }

    [Fact]
    public void VariableReferences_AreWellFormed_AndEachHasOneDefault()
    {
        var scans = compose.RawValues().Select(ComposeVariables.Scan).ToList();
        Assert.Empty(scans.SelectMany(scan => scan.Problems));

        var references = scans.SelectMany(scan => scan.References).ToList();
        Assert.NotEmpty(references);

        // `docker compose up --build` with nothing set must work, and the same value everywhere (the password above all).
        Assert.Empty(references.Where(r => !r.HasDefault).Select(r => r.Name));
        Assert.Empty(references.GroupBy(r => r.Name).Where(g => g.Select(r => r.Argument).Distinct().Count() > 1).Select(g => g.Key));
    }

    /// <summary>Whether an nginx image tag (<c>1.28</c>, <c>1.27.3-alpine</c>, <c>stable</c>...) is 1.27.3 or later.</summary>
    private static bool SupportsUpstreamResolve(string tag)
    {
        if (tag.Split('-')[0] is "latest" or "stable" or "mainline")
        {
            return true;
        }

        // A two-part tag is the newest release of that line (1.27 is 1.27.5).
        return Version.TryParse(tag.Split('-')[0], out var version)
            && (version.Build < 0 ? version >= new Version(1, 27) : version >= new Version(1, 27, 3));
    }

    /// <summary>The image's environment with the service's on top: what the site in that container reads.</summary>
    private Dictionary<string, string> EnvironmentOf(ComposeService service)
    {
        var environment = new Dictionary<string, string>(image.Environment, StringComparer.Ordinal);
        foreach (var (key, value) in service.Environment)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>The proxy's site configuration, where nginx reads it (an included conf.d/*.conf).</summary>
    private IReadOnlyList<NginxDirective> ProxyConfig()
    {
        var (source, target) = Assert.Single(Proxy.Configs);
        Assert.Matches(@"^/etc/nginx/conf\.d/[^/]+\.conf$", target);
        return NginxConfig.Parse(compose.ConfigContent(source));
    }
}
