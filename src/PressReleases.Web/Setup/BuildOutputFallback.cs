using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace PressReleases.Web.Setup;

public static class BuildOutputFallback
{
    /// <summary>
    /// The content root is the start directory. Started from elsewhere (`dotnet run --project src/PressReleases.Web`
    /// from the repository root, or a published app run by path), it has neither appsettings.json nor wwwroot:
    /// take them from the build output or the publish folder instead. The content root itself is left alone, because test hosts set it and may not have it changed.
    /// </summary>
    public static WebApplicationBuilder AddPressReleaseBuildOutputFallback(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var settings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(Path.Combine(contentRoot, "appsettings.json")) && File.Exists(settings))
        {
            // First source = lowest precedence, where appsettings.json normally sits: environment
            // variables and command-line settings still override it.
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = true,
            });
        }

        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(Path.Combine(contentRoot, "wwwroot")) && Directory.Exists(published))
        {
            // A published app started from another directory (a service without a working directory,
            // the load scripts): its wwwroot sits beside it.
            builder.Environment.WebRootPath = published;
            builder.Environment.WebRootFileProvider = new PhysicalFileProvider(published);
        }
        else if (File.Exists(Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json")))
        {
            // A build output (dotnet run, the test hosts) in any environment, not only Development: its static web
            // assets manifest maps wwwroot and the build's compressed copies (in obj/), which MapStaticAssets serves
            // by Accept-Encoding. Without it a gzip request for the stylesheet found no file. A publish has no
            // such manifest: its files sit in its wwwroot.
            builder.WebHost.UseStaticWebAssets();
        }

        return builder;
    }
}
