using PressReleases.Web.Api;
using PressReleases.Web.Caching;
using PressReleases.Web.Citations;
using PressReleases.Web.Cli;
using PressReleases.Web.Discovery;
using PressReleases.Web.Feeds;
using PressReleases.Web.Memory;
using PressReleases.Web.Setup;
using PressReleases.Web.Snapshots;

// Verbs (ingest, reindex, help) run before any web host exists, so their arguments never reach the
// host's command-line configuration.
if (CommandLine.TryParse(args, out var command))
{
    HeapBudget.LiftForCommandLine();
    return await command.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPressReleaseBuildOutputFallback();
builder.AddPressReleaseOptions();
builder.AddPressReleaseLogging();
builder.AddPressReleaseSecurity();
builder.AddPressReleaseProxy();
builder.AddPressReleaseRequestLimits();
builder.AddPressReleaseHeapBudget();
builder.AddPressReleaseStore();
builder.AddPressReleaseSearch();
builder.AddPressReleaseIngestion();
builder.AddPressReleaseStartup();
builder.AddPressReleaseFollowing();
builder.AddPressReleaseHealth();
builder.AddPressReleaseCaching();
builder.AddPressReleaseCompression();
builder.AddPressReleasePages();
builder.AddPressReleaseApiDescription();
builder.AddPressReleaseMetrics();
builder.AddPressReleaseReannouncements();

var app = builder.Build();
if (app.ReportInvalidSettings())
{
    return Environment.ExitCode;
}

// The middleware, in the order a request meets it.
app.UsePressReleaseForwardedHeaders();               // first: the client's own address and scheme, from known proxies only
app.UsePressReleaseRequestLog();                     // then one line per request with its status and time
app.UsePressReleaseSecurityHeaders();                // early: every response carries them, error pages and files too
app.UseExceptionHandler("/errors/500");              // a failure in anything below becomes the friendly page (details go to the log)
app.UseStatusCodePagesWithReExecute("/errors/{0}");  // so does a bare 404, 405 or 429
app.UsePressReleaseCompression();                    // Brotli or gzip for what the site makes; static files come compressed already
app.UseRouting();                                    // chooses the endpoint; the stages below read its metadata
app.UseRateLimiter();                                // /api/* per client address (Setup/ApiRateLimiting)
app.UsePressReleaseOutputCache();                    // feeds, sitemaps, robots, OpenSearch: answered from memory until the store changes
app.UsePressReleaseRequestQueue();                   // processors + 1 at a time, the rest in arrival order

app.MapPressReleasePages();
app.MapPressReleaseApi();
app.MapPressReleaseHistoryApi();
app.MapPressReleaseHealth();
app.MapPressReleaseExports();
app.MapPressReleaseTrends();
app.MapPressReleaseFeeds();
app.MapPressReleaseApiDescription();
app.MapPressReleaseCitations();
app.MapPressReleaseDiscovery();
app.MapPressReleaseMetrics();
app.MapPressReleaseIndexSnapshot();

await app.RunAsync();

// A fatal startup failure stops the host and sets a non-zero exit code; returning it keeps it.
return Environment.ExitCode;
