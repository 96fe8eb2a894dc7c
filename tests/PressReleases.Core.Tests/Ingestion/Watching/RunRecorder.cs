using System.Threading.Channels;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Ingestion.Watching;

namespace PressReleases.Core.Tests.Ingestion.Watching;

/// <summary>The runs a <see cref="WatchedIngest"/> completed, in order, for a test to await one by one.</summary>
public sealed class RunRecorder
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly Channel<(IngestTrigger Trigger, IngestReport Report)> runs = Channel.CreateUnbounded<(IngestTrigger, IngestReport)>();

    public void Record(IngestTrigger trigger, IngestReport report) => runs.Writer.TryWrite((trigger, report));

    /// <summary>The next completed run; none within the deadline fails the test, saying what it waited for.</summary>
    public async Task<(IngestTrigger Trigger, IngestReport Report)> NextAsync(string waitingFor)
    {
        using var limit = new CancellationTokenSource(Deadline);
        try
        {
            return await runs.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No ingest run completed within {Deadline.TotalSeconds:0} s while waiting for {waitingFor}.");
            throw;
        }
    }

    /// <summary>Skips runs until one matches (a rescan may slip in between).</summary>
    public async Task<(IngestTrigger Trigger, IngestReport Report)> NextWhereAsync(Func<IngestTrigger, IngestReport, bool> match, string waitingFor)
    {
        using var limit = new CancellationTokenSource(Deadline);
        var skipped = new List<string>();
        try
        {
            while (true)
            {
                var (trigger, report) = await runs.Reader.ReadAsync(limit.Token);
                if (match(trigger, report))
                {
                    return (trigger, report);
                }

                skipped.Add($"{trigger}: +{report.Added} ~{report.Updated} -{report.Removed}");
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No ingest run matched within {Deadline.TotalSeconds:0} s while waiting for {waitingFor}; runs seen: {string.Join(", ", skipped)}.");
            throw;
        }
    }

    /// <summary>True when a run completed that nobody has taken yet.</summary>
    public bool HasMore => runs.Reader.TryPeek(out _);
}
