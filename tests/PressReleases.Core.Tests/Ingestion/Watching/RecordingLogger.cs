using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PressReleases.Core.Tests.Ingestion.Watching;

/// <summary>One log call: its level, event, formatted message and structured values.</summary>
public sealed record LogEntry(LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>Keeps every log call, so a test can assert what was logged and with which values.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => entries.ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), values));
    }

    public override string ToString() => string.Join("\n", entries.Select(e => $"{e.Level} {e.EventId}: {e.Message}"));
}
