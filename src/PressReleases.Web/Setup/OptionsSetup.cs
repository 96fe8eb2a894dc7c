using Microsoft.Extensions.Options;
using PressReleases.Core.Store;

namespace PressReleases.Web.Setup;

public static class OptionsSetup
{
    /// <summary>Binds and validates <see cref="PressReleasesOptions"/>; a bad value stops the host at start, not on first use.</summary>
    public static IHostApplicationBuilder AddPressReleaseOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PressReleasesOptions>()
            .BindConfiguration(PressReleasesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<IndexOptions>()
            .BindConfiguration(IndexOptions.SectionName)
            .ValidateDataAnnotations()
            // A SQLite store belongs to one node: another node's index reflects another store.
            .Validate<IOptions<StoreOptions>>(
                (index, store) => string.IsNullOrWhiteSpace(index.SnapshotFrom) || store.Value.Provider == StoreProvider.PostgreSql,
                "PressReleases:Index:SnapshotFrom needs the PostgreSQL store (PressReleases:Store:Provider=PostgreSql): with SQLite every node has a store of its own, so another node's index does not reflect this one's.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// Runs every start-time validation now and prints what is wrong in one line per setting to stderr, so a bad
    /// setting stops the site with a message naming it, not with the host's stack trace. True when one is bad.
    /// </summary>
    public static bool ReportInvalidSettings(this IHost app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return false;
        }
        catch (Exception ex) when (SettingsErrors(ex) is { Count: > 0 } errors)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"Invalid setting: {error}");
            }

            Environment.ExitCode = 1;
            return true;
        }
    }

    /// <summary>The messages of validation failures and of values the binder could not convert; empty for anything else.</summary>
    private static List<string> SettingsErrors(Exception ex) => ex switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(SettingsErrors).ToList(),
        OptionsValidationException validation => [.. validation.Failures],
        // "Failed to convert configuration value '…' at 'PressReleases:Store:Provider' to type '…'."
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [message],
        _ => [],
    };

    internal static PressReleasesOptions GetPressReleasesOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<PressReleasesOptions>>().Value;

    internal static StoreOptions GetStoreOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<StoreOptions>>().Value;

    internal static IndexOptions GetIndexOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<IndexOptions>>().Value;

    internal static IngestOptions GetIngestOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<IngestOptions>>().Value;
}
