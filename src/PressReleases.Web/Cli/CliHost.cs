using System.Globalization;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Ingestion.Watching;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Cli;

/// <summary>
/// The services the site uses, without the site: same configuration sources (the web project's
/// appsettings.json and environment variables) and the same registrations, minus the startup service.
/// </summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No args: the verb's own arguments are not configuration.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(CliHost).Assembly.GetName().Name,
        });

        // Output is the report on stdout; only warnings and errors from the libraries, and on stderr.
        builder.Logging.ClearProviders();
        if (!JsonLogs.UseWhenOn(builder.Logging, builder.Configuration))
        {
            builder.Logging.AddConsole(console => console.FormatterName = CliLogFormatter.FormatterName);
            builder.Logging.AddConsoleFormatter<CliLogFormatter, ConsoleFormatterOptions>();
        }

        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);

        // A failing command is reported by the exception it raises (a damaged store, say); EF's own log
        // line about the same command would only print the failure twice.
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);

        // A watching ingest says when it starts, stops and recovers; those lines are information, not warnings.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(typeof(WatchedIngest).Namespace, LogLevel.Information);

        // The ingester's one warning is that it could not record a failed run in the store, which is the store
        // being away again: the failure itself is reported (once) by the command or the watch loop.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(typeof(Ingester).FullName, LogLevel.Error);

        builder.AddPressReleaseOptions();
        builder.AddPressReleaseStore();
        builder.AddPressReleaseSearch();
        builder.AddPressReleaseIngestion();
        return builder.Build();
    }

    /// <summary>
    /// Validates settings, makes sure the data directory is writable, migrates the store and opens the index, unless
    /// the verb's ingests write the store only (<see cref="IngestTarget"/>: the ingester of a PostgreSQL store),
    /// which need none.
    /// </summary>
    public static async Task OpenAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IOptions<PressReleasesOptions>>().Value;
        await StoreAndIndex.OpenAsync(services, storeReady: null, services.GetRequiredService<IngestTarget>().UpdatesIndex, cancellationToken);
    }

    /// <summary>
    /// Runs a verb's work over an opened host. SIGINT (Ctrl+C) or SIGTERM cancels it between batches: a one-off
    /// command prints <paramref name="cancelledMessage"/> and exits 130 (SIGINT) or 0 (SIGTERM: an orderly stop); a
    /// <paramref name="watching"/> one has been asked to stop, which is its normal end, and exits 0. Failures whose
    /// message is the whole story print it and exit 1, as does a store that cannot be reached, named in one line.
    /// While <paramref name="watching"/>, a store that cannot be reached at start is waited for instead. Without
    /// <paramref name="open"/> the verb finds the store itself (a backup reads it as it is, and opens no index).
    /// </summary>
    public static async Task<int> RunAsync(string cancelledMessage, Func<IServiceProvider, CancellationToken, Task<int>> work, bool watching = false, bool open = true)
    {
        using var signals = new StopSignals();
        var ct = signals.Token;
        IHost? host = null;
        try
        {
            host = Build();
            if (watching)
            {
                await OpenWhenTheStoreIsUpAsync(host.Services, RetryBackoff.Default, ct);
            }
            else if (open)
            {
                await OpenAsync(host.Services, ct);
            }

            return await work(host.Services, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (watching)
            {
                Console.Error.WriteLine("Stopped.");
                return 0;
            }

            Console.Error.WriteLine(cancelledMessage);
            return signals.StoppedExitCode;
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (Exception ex) when (StoreErrors.IsUnavailable(ex))
        {
            // The store went away after it opened (a server stopped mid-run): the driver's words, one line, naming it.
            var store = host?.Services.GetService<StoreLocation>()?.Description ?? "the configured store";
            Console.Error.WriteLine($"The store ({store}) cannot be reached: {StoreException.OneLine(ex)}");
            return 1;
        }
        finally
        {
            // Flushes the console logger's queue too, so no log line is lost at exit.
            host?.Dispose();
        }
    }

    /// <summary>True for failures whose message is the whole story: print it, no stack trace.</summary>
    public static bool IsExpected(Exception ex) =>
        ex is DataDirectoryException or StoreException or SearchIndexException or OptionsValidationException;

    /// <summary>
    /// <see cref="OpenAsync"/>, tried again after each back-off while the store cannot be reached: a watching ingest
    /// started with (or before) its database waits for it rather than exiting. Anything else fails at once.
    /// </summary>
    private static async Task OpenWhenTheStoreIsUpAsync(IServiceProvider services, RetryBackoff backoff, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await OpenAsync(services, cancellationToken);
                return;
            }
            catch (StoreException ex) when (StoreErrors.IsUnavailable(ex))
            {
                var delay = backoff.After(failures);
                var retryAt = DateTimeOffset.Now + delay;
                Console.Error.WriteLine($"{Timestamp(DateTimeOffset.Now)} warning: {ex.Message} Retrying at {retryAt:HH:mm:ss} (in {FormatElapsed(delay)}).");
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>"2026-01-05 14:03:07", local time: how watch output and the verbs' log lines are stamped.</summary>
    public static string Timestamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
