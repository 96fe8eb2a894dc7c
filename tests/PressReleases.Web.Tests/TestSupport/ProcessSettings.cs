using System.Runtime.CompilerServices;

namespace PressReleases.Web.Tests.TestSupport;

/// <summary>Settings every site this test process starts shares, set before the first test runs.</summary>
internal static class ProcessSettings
{
    /// <summary>
    /// The GC's heap limit is one per process, and this process runs many sites at once, each ingesting: none of
    /// them may set it (the site's default is a 200 MB limit while idle). The tests of the limit turn it on in a
    /// collection that runs alone (Memory/HeapBudgetTests).
    /// </summary>
    [ModuleInitializer]
    internal static void KeepTheHeapUnlimited() =>
        Environment.SetEnvironmentVariable("PressReleases__Memory__ServingHeapLimitMB", "0");
}
