using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Memory;
using PressReleases.Web.Setup;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Memory;

/// <summary>The GC's heap limit is one per process: its tests run alone, after the tests that run side by side.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessHeapLimitCollection
{
    public const string Name = "The process's heap limit";
}

/// <summary>
/// The serving heap limit, set and lifted on this process's real GC. The limits used are this process's committed
/// memory plus 2 GB, so the tests never starve the runner; each budget is disposed, which lifts its limit.
/// </summary>
[Collection(ProcessHeapLimitCollection.Name)]
public sealed class HeapBudgetTests
{
    private const long MB = 1024 * 1024;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WhenIdle_TheServingLimitIsTheGcsLimit_AndBulkWorkLiftsItUntilItEnds()
    {
        var limitMB = HarmlessLimitMB();
        using var budget = Budget(limitMB);
        Assert.True(budget.Enabled);

        await WaitUntilAsync(() => budget.AppliedLimitBytes > 0, "the serving limit to be set once idle");
        Assert.Equal(limitMB * MB, budget.AppliedLimitBytes);
        Assert.Equal(limitMB * MB, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

        using (budget.Begin())
        {
            Assert.Equal(0, budget.AppliedLimitBytes);
            Assert.True(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes > limitMB * MB, "bulk work must run without the serving limit");
        }

        await WaitUntilAsync(() => budget.AppliedLimitBytes > 0, "the serving limit to be set again after the bulk work");
        Assert.Equal(2, budget.LimitsApplied);
        Assert.Equal(limitMB * MB, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    [Fact]
    public async Task OverlappingBulkWork_KeepsTheLimitLiftedUntilTheLastEnds()
    {
        using var budget = Budget(HarmlessLimitMB());
        await WaitUntilAsync(() => budget.AppliedLimitBytes > 0, "the serving limit to be set once idle");

        var first = budget.Begin();
        var second = budget.Begin();
        first.Dispose();
        first.Dispose(); // a second dispose of the same piece of work must not end the other one

        // Idle time is 0 here, so a limit set too early would be set within moments.
        await Task.Delay(500);
        Assert.Equal(0, budget.AppliedLimitBytes);
        Assert.Equal(1, budget.LimitsApplied);

        second.Dispose();
        await WaitUntilAsync(() => budget.AppliedLimitBytes > 0, "the serving limit to be set once the last work ended");
    }

    [Fact]
    public async Task Disposing_LiftsTheLimit()
    {
        var limitMB = HarmlessLimitMB();
        var budget = Budget(limitMB);
        await WaitUntilAsync(() => budget.AppliedLimitBytes > 0, "the serving limit to be set once idle");
        Assert.Equal(limitMB * MB, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

        budget.Dispose();

        Assert.True(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes > limitMB * MB);
    }

    [Fact]
    public async Task ZeroMB_NeverLimitsTheHeap()
    {
        var before = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        using var budget = Budget(0);
        Assert.False(budget.Enabled);

        budget.Begin().Dispose();
        await Task.Delay(500);

        Assert.Equal(0, budget.LimitsApplied);
        Assert.Equal(before, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    [Theory]
    [InlineData("DOTNET_GCHeapHardLimit", "0xC800000")]
    [InlineData("DOTNET_GCHeapHardLimitPercent", "0x20")]
    public void ALimitGivenToTheRuntime_IsLeftToIt(string variable, string value)
    {
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            using var budget = Budget(HarmlessLimitMB());
            Assert.False(budget.Enabled);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void TheCommandLine_LiftsTheLimitTheProcessStartedWith()
    {
        var limitMB = HarmlessLimitMB();
        using var started = StartedLimited(limitMB);
        Assert.Equal(limitMB * MB, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

        HeapBudget.LiftForCommandLine();

        Assert.True(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes > limitMB * MB, "the command line must run without the starting limit");
    }

    [Fact]
    public void TurnedOff_TheLimitTheProcessStartedWithGoesAtOnce()
    {
        var limitMB = HarmlessLimitMB();
        using var started = StartedLimited(limitMB);

        using var budget = Budget(0);

        Assert.Equal(0, budget.AppliedLimitBytes);
        Assert.True(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes > limitMB * MB);
    }

    [Fact]
    public async Task TheLimitTheProcessStartedWith_IsLiftedForBulkWork_AndReplacedByTheServingOne()
    {
        var startedMB = HarmlessLimitMB();
        using var started = StartedLimited(startedMB);
        using var budget = Budget(startedMB + 64);
        Assert.Equal(startedMB * MB, budget.AppliedLimitBytes);

        using (budget.Begin())
        {
            Assert.True(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes > startedMB * MB, "bulk work must run without the starting limit");
        }

        await WaitUntilAsync(() => budget.LimitsApplied == 1, "the serving limit to replace the starting one");
        Assert.Equal((startedMB + 64) * MB, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    [Theory]
    [InlineData(200, 40, 200)]
    [InlineData(200, 100, 200)]
    [InlineData(200, 150, 300)]
    [InlineData(200, 900, 1800)]
    public void TheLimit_IsTheSettingOrTwiceWhatIsLive(long settingMB, long liveMB, long expectedMB) =>
        Assert.Equal(expectedMB * MB, HeapBudget.LimitFor(settingMB * MB, liveMB * MB));

    [Fact]
    public async Task TheSite_LiftsTheLimitForAWatchedIngest_AndSetsItAgainAfter()
    {
        using var temp = new TempDirectory("heap-budget-site");
        var source = temp.Sub("source");
        ReleaseFileWriter.Write(source, ReleaseSpec.Make("heap-first", "The first release", "2024-05-01", ["Jane Example"], ["Health"], "Hospitals open."));

        await using var site = new PressReleasesFactory(source, Path.Combine(temp.Path, "data"), ingestOnStartup: false);
        var limitMB = HarmlessLimitMB();
        site.Settings["PressReleases:Memory:ServingHeapLimitMB"] = limitMB.ToString(System.Globalization.CultureInfo.InvariantCulture);
        site.Settings["PressReleases:Memory:IdleSecondsBeforeLimit"] = "0";
        site.Settings["PressReleases:Ingest:Watch"] = "true";
        site.Settings["PressReleases:Ingest:DebounceMilliseconds"] = "200";
        site.Logs.Minimum = LogLevel.Information;
        using var client = site.CreateTestClient();
        await site.WaitForReleasesAsync(client, 1, Deadline);

        var budget = site.Services.GetRequiredService<HeapBudget>();
        await WaitUntilAsync(() => budget.AppliedLimitBytes > 0, "the site to set its serving limit after the start-up ingest");
        var applied = budget.LimitsApplied;
        Assert.Equal(limitMB * MB, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

        // The test holds the index's write gate, so the watched ingest stops part-way and can be looked at while it runs.
        var held = await site.Services.GetRequiredService<SearchIndex>().BeginWriteAsync();
        ReleaseFileWriter.Write(source, ReleaseSpec.Make("heap-second", "The second release", "2024-05-02", ["Jane Example"], ["Health"], "Schools open."));
        await WaitUntilAsync(() => budget.AppliedLimitBytes == 0, "the watched ingest to lift the serving limit");
        await Task.Delay(500);
        Assert.Equal(0, budget.AppliedLimitBytes);
        Assert.True(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes > limitMB * MB, "the ingest must run without the serving limit");

        held.Dispose();
        await site.WaitForReleasesAsync(client, 2, Deadline);

        await WaitUntilAsync(() => budget.LimitsApplied > applied && budget.AppliedLimitBytes > 0, "the serving limit to be set again after the watched ingest");
        Assert.Contains(site.Logs.Entries, e => e.Contains("Heap limit lifted", StringComparison.Ordinal));
        Assert.Contains(site.Logs.Entries, e => e.Contains($"Heap limited to {limitMB} MB", StringComparison.Ordinal));
    }

    /// <summary>
    /// As the site's process starts (its runtimeconfig's <c>System.GC.HeapHardLimit</c>), imitated in this one: the setting
    /// the budget reads, and the limit itself. Disposing removes both.
    /// </summary>
    private static StartingLimit StartedLimited(long limitMB)
    {
        AppContext.SetData("System.GC.HeapHardLimit", (ulong)(limitMB * MB));
        AppContext.SetData("GCHeapHardLimit", (ulong)(limitMB * MB));
        GC.RefreshMemoryLimit();
        return new StartingLimit();
    }

    /// <summary>
    /// Far above anything this process holds, so a test's limit never makes it run out of memory, and above twice what
    /// is live, so the budget sets the setting itself (it sets twice what is live when that is more).
    /// </summary>
    private static long HarmlessLimitMB() =>
        (Math.Max(GC.GetGCMemoryInfo().TotalCommittedBytes, 2 * GC.GetTotalMemory(forceFullCollection: true)) / MB) + 2048;

    private static HeapBudget Budget(long limitMB) => new(
        Options.Create(new MemoryOptions { ServingHeapLimitMB = (int)limitMB, IdleSecondsBeforeLimit = 0 }),
        TimeProvider.System,
        NullLogger<HeapBudget>.Instance);

    private sealed class StartingLimit : IDisposable
    {
        public void Dispose()
        {
            AppContext.SetData("System.GC.HeapHardLimit", null);
            AppContext.SetData("GCHeapHardLimit", 0UL);
            GC.RefreshMemoryLimit();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
