using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace PressReleases.Web.Cli;

/// <summary>
/// The verbs' log lines on stderr: "2026-01-05 14:03:07 warning: message". A timestamp because a watching ingest runs
/// for days and its lines are read later; no category, because an operator reads the message, not the class that
/// wrote it. An exception, when a log call carries one (an unexpected failure), follows on the next lines.
/// </summary>
internal sealed class CliLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "pressreleases-cli";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(CliHost.Timestamp(DateTimeOffset.Now));
        textWriter.Write(' ');
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.WriteLine(message);
        if (logEntry.Exception is { } exception)
        {
            textWriter.WriteLine(exception.ToString());
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Critical => "critical",
        LogLevel.Error => "error",
        LogLevel.Warning => "warning",
        _ => level.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
