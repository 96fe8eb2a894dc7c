using PressReleases.Core.Hosting;
using PressReleases.Web.Memory;

namespace PressReleases.Web.Setup;

public static class MemorySetup
{
    /// <summary>
    /// A small heap while the site only serves, lifted for ingests, rebuilds and catch-ups (<see cref="HeapBudget"/>).
    /// Only the site registers it: the command line's verbs are bulk work from start to end.
    /// </summary>
    public static IHostApplicationBuilder AddPressReleaseHeapBudget(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MemoryOptions>()
            .BindConfiguration(MemoryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<HeapBudget>();
        builder.Services.AddSingleton<IBulkWork>(sp => sp.GetRequiredService<HeapBudget>());
        return builder;
    }
}
