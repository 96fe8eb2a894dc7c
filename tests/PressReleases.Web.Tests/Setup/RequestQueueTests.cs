using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PressReleases.Web.Setup;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Setup;

/// <summary>
/// The queue in front of the endpoints: at most N requests run, the rest wait in arrival order, a full queue
/// answers 503, an abandoned wait never runs; health, exports and metrics skip it.
/// </summary>
public sealed class RequestQueueTests
{
    [Fact]
    public async Task WaitingRequests_RunOneAtATime_InArrivalOrder()
    {
        var started = new List<int>();
        var running = 0;
        var mostRunning = 0;
        var gates = Enumerable.Range(0, 5).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var queue = Queue(maxConcurrent: 1, maxQueued: 10, async context =>
        {
            var n = (int)context.Items["n"]!;
            lock (started)
            {
                started.Add(n);
                mostRunning = Math.Max(mostRunning, ++running);
            }

            await gates[n].Task;
            lock (started)
            {
                running--;
            }
        });

        var requests = new List<Task>();
        for (var n = 0; n < 5; n++)
        {
            requests.Add(queue.InvokeAsync(Context(n)));
            // Each arrives after the previous one is running or waiting.
            await Task.Delay(20);
        }

        for (var n = 0; n < 5; n++)
        {
            Assert.Equal(n + 1, started.Count);
            gates[n].SetResult();
            await requests[n];
            await WaitUntil(() => started.Count >= Math.Min(n + 2, 5));
        }

        Assert.Equal([0, 1, 2, 3, 4], started);
        Assert.Equal(1, mostRunning);
    }

    [Fact]
    public async Task FullQueue_Answers503WithRetryAfter_AndRunsNothing()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = 0;
        var queue = Queue(maxConcurrent: 1, maxQueued: 1, async _ =>
        {
            Interlocked.Increment(ref ran);
            await gate.Task;
        });

        var running = queue.InvokeAsync(Context(0));
        var waiting = queue.InvokeAsync(Context(1));
        var refused = Context(2);
        await queue.InvokeAsync(refused);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, refused.Response.StatusCode);
        Assert.Equal("1", refused.Response.Headers.RetryAfter.ToString());
        Assert.Equal(1, ran);
        gate.SetResult();
        await Task.WhenAll(running, waiting);
        Assert.Equal(2, ran);
    }

    [Fact]
    public async Task RequestAbandonedWhileWaiting_NeverRuns_AndFreesItsPlace()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new List<int>();
        var queue = Queue(maxConcurrent: 1, maxQueued: 1, async context =>
        {
            lock (ran)
            {
                ran.Add((int)context.Items["n"]!);
            }

            if ((int)context.Items["n"]! == 0)
            {
                await gate.Task;
            }
        });

        var running = queue.InvokeAsync(Context(0));
        using var abort = new CancellationTokenSource();
        var abandoned = Context(1, abort.Token);
        var waiting = queue.InvokeAsync(abandoned);
        await abort.CancelAsync();
        await waiting;

        // Its place in the queue is free again: another request may wait, and runs.
        var next = queue.InvokeAsync(Context(2));
        gate.SetResult();
        await Task.WhenAll(running, next);
        Assert.Equal([0, 2], ran);
    }

    [Fact]
    public async Task HealthAndExports_SkipTheQueue_AndEverythingElseWaitsInIt()
    {
        using var temp = new TempDirectory("request-queue");
        await using var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        factory.Settings["PressReleases:RequestQueue:MaxConcurrent"] = "1";
        factory.Settings["PressReleases:RequestQueue:MaxQueued"] = "0";
        using var client = factory.CreateTestClient();

        // One slot and no waiting room: a slot that leaked would turn the next request into a 503.
        foreach (var url in new[] { "/releases?q=a", "/api/releases?q=b", "/ministers", "/releases?q=c", "/feeds/releases.atom", "/api/releases?q=d" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}.");
        }

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // Static files (MapStaticAssets: wwwroot's files under their plain and fingerprinted names) never wait either.
        var bypassing = endpoints.Where(e => e.Metadata.GetMetadata<BypassRequestQueueMetadata>() is not null).Select(e => e.RoutePattern.RawText!).ToList();
        Assert.Equal(["/api/releases.csv", "/api/releases.ndjson", "/healthz", "/healthz/live", "/internal/index-snapshot", "/metrics"], bypassing.Where(p => p.StartsWith('/')).Order());
        Assert.Contains("css/site.css", bypassing);
        Assert.All(bypassing.Where(p => !p.StartsWith('/')), p => Assert.StartsWith("css/", p, StringComparison.Ordinal));
        Assert.True(endpoints.Count > 10);
    }

    [Fact]
    public void ByDefault_OneMoreRequestRunsThanThereAreProcessors()
    {
        using var temp = new TempDirectory("request-queue-defaults");
        using var factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false);
        var options = factory.Services.GetRequiredService<IOptions<RequestQueueOptions>>().Value;
        Assert.Equal(Environment.ProcessorCount + 1, options.EffectiveMaxConcurrent);
        Assert.Equal(1_000, options.MaxQueued);
    }

    [Theory]
    [InlineData("MaxConcurrent", "-1")]
    [InlineData("MaxQueued", "-5")]
    [InlineData("MaxConcurrent", "many")]
    public async Task BadSetting_StopsTheSiteAtStart_InOneLineNamingIt(string setting, string value)
    {
        using var temp = new TempDirectory("request-queue-invalid");
        var run = await SiteStart.RunUntilExitAsync(temp, new Dictionary<string, string> { [$"PressReleases__RequestQueue__{setting}"] = value });

        SiteStart.AssertStoppedForSetting(run, setting);
    }

    private static RequestQueue Queue(int maxConcurrent, int maxQueued, RequestDelegate next) =>
        new(next, Options.Create(new RequestQueueOptions { MaxConcurrent = maxConcurrent, MaxQueued = maxQueued }), NullLogger<RequestQueue>.Instance);

    private static DefaultHttpContext Context(int n, CancellationToken aborted = default)
    {
        var context = new DefaultHttpContext { RequestAborted = aborted };
        context.Items["n"] = n;
        return context;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
