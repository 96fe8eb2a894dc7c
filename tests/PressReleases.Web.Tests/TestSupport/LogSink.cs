using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PressReleases.Web.Tests.TestSupport;

/// <summary>Keeps the site's warnings and errors (or from <see cref="Minimum"/> up) so a failing test can say what the server logged.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    /// <summary>The least level kept; lower it for a test that checks what the site reports as information.</summary>
    public LogLevel Minimum { get; set; } = LogLevel.Warning;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries, this);

    public override string ToString() => entries.IsEmpty ? "(nothing logged at Warning or above)" : string.Join("\n", entries.TakeLast(20));

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries, LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= sink.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}
