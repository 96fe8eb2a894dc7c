using System.Globalization;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
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
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);

        // A failing command is reported by the exception it raises (a damaged store, say); EF's own log
        // line about the same command would only print the failure twice.
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);

        builder.AddPressReleaseOptions();
        builder.AddPressReleaseStore();
        builder.AddPressReleaseSearch();
        builder.AddPressReleaseIngestion();
        return builder.Build();
    }

    /// <summary>Validates settings, makes sure the data directory is writable, migrates the store and opens the index.</summary>
    public static async Task<SearchIndex> OpenAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IOptions<PressReleasesOptions>>().Value;
        return await StoreAndIndex.OpenAsync(services, storeReady: null, cancellationToken);
    }

    /// <summary>
    /// Runs a verb's work over an opened host: Ctrl+C cancels between batches (exit 130 with
    /// <paramref name="cancelledMessage"/>), and failures whose message is the whole story print it and exit 1.
    /// </summary>
    public static async Task<int> RunAsync(string cancelledMessage, Func<IServiceProvider, CancellationToken, Task<int>> work)
    {
        using var cancel = CancelOnCtrlC();
        var ct = cancel.Token;
        try
        {
            using var host = Build();
            await OpenAsync(host.Services, ct);
            return await work(host.Services, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine(cancelledMessage);
            return 130;
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    /// <summary>True for failures whose message is the whole story: print it, no stack trace.</summary>
    public static bool IsExpected(Exception ex) =>
        ex is DataDirectoryException or StoreException or SearchIndexException or OptionsValidationException;

    /// <summary>Cancels the token on Ctrl+C so a run stops between batches instead of being killed mid-write.</summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return cts;
    }

    public static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
