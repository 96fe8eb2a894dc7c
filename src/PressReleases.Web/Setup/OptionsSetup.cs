using Microsoft.Extensions.Options;

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

    internal static IngestOptions GetIngestOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<IngestOptions>>().Value;
}
