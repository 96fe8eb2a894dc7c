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

    internal static PressReleasesOptions GetPressReleasesOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<PressReleasesOptions>>().Value;

    internal static StoreOptions GetStoreOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<StoreOptions>>().Value;

    internal static IngestOptions GetIngestOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<IngestOptions>>().Value;
}
