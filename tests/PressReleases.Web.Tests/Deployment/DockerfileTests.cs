using System.Globalization;
using PressReleases.Web.Cli;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>
/// The Dockerfile's runtime stage, which compose.yaml and `docker run` both rely on: it runs the site's assembly (so
/// compose's `command: ["ingest", ...]` reaches the verb), listens on the port it exposes, and keeps its data on its volume.
/// </summary>
public sealed class DockerfileTests
{
    private readonly DockerfileStage image = DockerfileStage.Load();

    [Fact]
    public void Entrypoint_RunsTheSiteAssembly_InExecForm()
    {
        // Exec form: a service's command is appended as arguments (the shell form would drop them).
        var assembly = typeof(PressReleasesOptions).Assembly.GetName().Name + ".dll";
        Assert.Equal(["dotnet", assembly], image.Entrypoint);
    }

    [Fact]
    public void Exposes_ThePortTheSiteListensOn()
    {
        var port = Assert.Single(image.ListenPorts);
        Assert.Contains(port, image.Exposed);
    }

    [Fact]
    public void DataDirectory_IsTheImagesVolume()
    {
        Assert.Equal([image.Environment["PressReleases__DataDirectory"]], image.Volumes);
    }

    [Fact]
    public void Healthcheck_RunsTheHealthcheckVerb_OfTheSameAssembly_GivingTheIndexTimeToBuild()
    {
        // No curl in the runtime image: the site's own verb asks /healthz, found from ASPNETCORE_URLS.
        Assert.Equal([.. image.Entrypoint!, "healthcheck"], image.Healthcheck);
        Assert.True(CommandLine.TryParse(["healthcheck"], out var command) && command is HealthcheckCommand);

        // A node builds its index from the store at start (about 21 s for the full corpus here): not "unhealthy" meanwhile.
        Assert.True(image.HealthcheckOptions.TryGetValue("--start-period", out var startPeriod), "no --start-period");
        Assert.True(Seconds(startPeriod) >= 60, $"--start-period={startPeriod}");
    }

    [Fact]
    public void Logs_AreJson_ForALogCollector()
    {
        Assert.Equal("true", image.Environment["PressReleases__JsonLogs"]);
    }

    private static int Seconds(string duration) =>
        duration.EndsWith('m') ? int.Parse(duration[..^1], CultureInfo.InvariantCulture) * 60 : int.Parse(duration.TrimEnd('s'), CultureInfo.InvariantCulture);
}
