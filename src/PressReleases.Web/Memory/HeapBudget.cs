using System.Runtime;
using Microsoft.Extensions.Options;
using PressReleases.Core.Hosting;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Memory;

/// <summary>
/// Keeps the site's heap small while it only serves, and lifts the limit while an ingest, a rebuild or a catch-up
/// runs. Answering requests needs little live memory, but the server GC lets its heap grow with the rate of
/// allocation: under the mixed load the process settled at about 560 MB with no limit and under 400 MB with a
/// 200 MB heap (docs/performance.md, "The floor of the mix"). An ingest of the real corpus needs about 800 MB, so a
/// fixed limit could not be the default. The GC's hard limit can be changed while the process runs
/// (<see cref="GC.RefreshMemoryLimit"/>): bulk work lifts it at once; it is set again once no bulk work has run for
/// <see cref="MemoryOptions.IdleSecondsBeforeLimit"/>, after a collection that returns the freed memory to the system
/// (a limit below what the GC holds committed is refused).
/// The process starts with the limit already set (the project file's <c>System.GC.HeapHardLimit</c>, with a region
/// range as large as an unlimited heap's so it can be lifted): a GC that starts unlimited and is limited later ran
/// out of memory now and then near the limit, where one that started limited did not. A limit an operator gives
/// the runtime (the <c>DOTNET_GCHeapHardLimit</c> variables) is left alone.
/// </summary>
public sealed partial class HeapBudget : IBulkWork, IDisposable
{
    private const string HardLimitKey = "GCHeapHardLimit";
    private const long MB = 1024 * 1024;

    private readonly Lock gate = new();
    private readonly long servingLimitBytes;
    private readonly TimeSpan idleBeforeLimit;
    private readonly ITimer timer;
    private readonly ILogger<HeapBudget> logger;
    private int running;
    private long appliedBytes;
    private bool servingLimitSet;
    private bool disposed;

    public HeapBudget(IOptions<MemoryOptions> options, TimeProvider time, ILogger<HeapBudget> logger)
    {
        this.logger = logger;
        idleBeforeLimit = TimeSpan.FromSeconds(options.Value.IdleSecondsBeforeLimit);
        servingLimitBytes = options.Value.ServingHeapLimitMB * MB;
        if (servingLimitBytes > 0 && LimitSetOutside() is { } setting)
        {
            LogLeftAlone(setting);
            servingLimitBytes = 0;
        }

        timer = time.CreateTimer(_ => ApplyServingLimit(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (LimitSetOutside() is null)
        {
            // The limit the process started with, if any, stands until the serving one replaces it; turned off, it goes.
            appliedBytes = StartingLimitBytes();
            if (!Enabled && appliedBytes > 0)
            {
                SetHardLimit(0);
                appliedBytes = 0;
            }
        }

        // The serving limit proper (the setting, or twice what is live) follows the same quiet time as after bulk work.
        ScheduleLimit();
    }

    /// <summary>Whether the site limits its heap at all (<see cref="MemoryOptions.ServingHeapLimitMB"/> above 0, no limit set outside).</summary>
    public bool Enabled => servingLimitBytes > 0;

    /// <summary>The GC's heap limit as the site last left it, in bytes: the serving limit, the one the process started with, or 0 (none: bulk work running).</summary>
    public long AppliedLimitBytes
    {
        get
        {
            lock (gate)
            {
                return appliedBytes;
            }
        }
    }

    /// <summary>How many times the serving limit has been set since start.</summary>
    public int LimitsApplied { get; private set; }

    public IDisposable Begin()
    {
        lock (gate)
        {
            running++;
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            servingLimitSet = false;
            if (appliedBytes > 0)
            {
                SetHardLimit(0);
                appliedBytes = 0;
                LogLifted();
            }
        }

        return new Room(this);
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            timer.Dispose();

            // The limit is the process's, and a host stopped in a process that goes on (tests) must not leave it behind.
            if (appliedBytes > 0)
            {
                SetHardLimit(0);
                appliedBytes = 0;
            }
        }
    }

    private void End()
    {
        lock (gate)
        {
            running--;
            ScheduleLimit();
        }
    }

    private void ScheduleLimit()
    {
        if (Enabled && running == 0 && !disposed)
        {
            timer.Change(idleBeforeLimit, Timeout.InfiniteTimeSpan);
        }
    }

    private void ApplyServingLimit()
    {
        lock (gate)
        {
            if (running > 0 || disposed || servingLimitSet)
            {
                return;
            }

            // Aggressive: collects and compacts every generation and gives the free memory back, so what the GC holds
            // committed comes down to what is live; a limit below that would be refused.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var live = GC.GetTotalMemory(forceFullCollection: false);
            var limit = LimitFor(servingLimitBytes, live);
            try
            {
                SetHardLimit(limit);
                appliedBytes = limit;
                servingLimitSet = true;
                LimitsApplied++;
                LogApplied(limit / MB, live / MB);
            }
            catch (InvalidOperationException ex)
            {
                // The GC holds more than the limit would allow (memory allocated since the collection): try again later.
                LogNotApplied(limit / MB, ex.Message);
                ScheduleLimit();
            }
        }
    }

    /// <summary>
    /// The configured serving limit, or twice what is live when that is more: a corpus many times the real one holds
    /// more in memory (the index's terms and postings), and its node must not run out of memory while it serves.
    /// </summary>
    internal static long LimitFor(long servingLimitBytes, long liveBytes) => Math.Max(servingLimitBytes, 2 * liveBytes);

    /// <summary>Sets the GC's hard limit (0: none, or the container's default) while the process runs.</summary>
    private static void SetHardLimit(long bytes)
    {
        AppContext.SetData(HardLimitKey, (ulong)bytes);
        GC.RefreshMemoryLimit();
    }

    /// <summary>
    /// Lifts the limit the process started with, for the command line's verbs, which are bulk work from start to end;
    /// a limit an operator gave the runtime stays.
    /// </summary>
    public static void LiftForCommandLine()
    {
        if (LimitSetOutside() is null && StartingLimitBytes() > 0)
        {
            SetHardLimit(0);
        }
    }

    /// <summary>The hard limit the process started with from its runtimeconfig (the project file), or 0.</summary>
    private static long StartingLimitBytes() =>
        AppContext.GetData("System.GC.HeapHardLimit") is { } value && ulong.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var bytes)
            ? (long)bytes
            : 0;

    /// <summary>The heap-limit setting an operator gave the runtime, if any; the site then leaves the limit to it.</summary>
    private static string? LimitSetOutside()
    {
        foreach (var name in new[] { "GCHeapHardLimit", "GCHeapHardLimitPercent" })
        {
            foreach (var prefix in new[] { "DOTNET_", "COMPlus_" })
            {
                if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(prefix + name)))
                {
                    return prefix + name;
                }
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Heap limited to {LimitMB} MB while the site only serves ({LiveMB} MB live)")]
    private partial void LogApplied(long limitMB, long liveMB);

    [LoggerMessage(Level = LogLevel.Information, Message = "Heap limit lifted for an ingest, rebuild or catch-up")]
    private partial void LogLifted();

    [LoggerMessage(Level = LogLevel.Information, Message = "Heap limit of {LimitMB} MB not set yet ({Reason}); trying again later")]
    private partial void LogNotApplied(long limitMB, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The GC's heap limit is set outside the site ({Setting}); the site leaves it as it is")]
    private partial void LogLeftAlone(string setting);

    /// <summary>One piece of bulk work; disposing it more than once counts once.</summary>
    private sealed class Room(HeapBudget budget) : IDisposable
    {
        private int ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                budget.End();
            }
        }
    }
}
