using PressReleases.Web.Api;
using PressReleases.Web.Citations;
using PressReleases.Web.Cli;
using PressReleases.Web.Discovery;
using PressReleases.Web.Feeds;
using PressReleases.Web.Setup;

// Verbs (ingest, reindex, help) run before any web host exists, so their arguments never reach the
// host's command-line configuration.
if (CommandLine.TryParse(args, out var command))
{
    return await command.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.UseBuildOutputWhenStartedElsewhere();
builder.AddPressReleasesOptions();
builder.AddPressReleaseSecurity();
builder.AddRequestLimits();
builder.Services.AddPressReleaseStore();
builder.Services.AddPressReleaseSearch();
builder.Services.AddPressReleaseIngestion();
builder.Services.AddPressReleaseStartup();
builder.Services.AddPressReleasePages();
builder.Services.AddPressReleaseApiDescription();

var app = builder.Build();
app.UsePressReleasePipeline();
app.UseRequestLimits();
app.MapPressReleasePages();
app.MapReleasesApi();
app.MapHealthEndpoint();
app.MapReleaseExports();
app.MapReleaseFeeds();
app.MapApiDescription();
app.MapCitationDownloads();
app.MapDiscovery();

await app.RunAsync();

// A fatal startup failure stops the host and sets a non-zero exit code; returning it keeps it.
return Environment.ExitCode;
