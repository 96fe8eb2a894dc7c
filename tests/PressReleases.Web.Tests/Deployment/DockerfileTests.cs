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
}
