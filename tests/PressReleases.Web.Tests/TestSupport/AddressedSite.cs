using Microsoft.AspNetCore.Mvc.Testing;

namespace PressReleases.Web.Tests.TestSupport;

/// <summary>
/// A site of its own (temporary folders, the given settings and releases) behind <see cref="ClientAddressFromHeader"/>,
/// so each request can say which address it comes from, with a client that follows no redirects.
/// </summary>
public sealed class AddressedSite : IAsyncDisposable
{
    private readonly TempDirectory temp;
    private readonly WebApplicationFactory<Program> site;

    /// <param name="releases">Written to the source folder and ingested at start; none means no ingest at all.</param>
    public AddressedSite(string purpose, IReadOnlyDictionary<string, string> settings, IReadOnlyList<ReleaseSpec>? releases = null)
    {
        temp = new TempDirectory(purpose);
        var source = temp.Sub("source");
        ReleaseFileWriter.WriteAll(source, releases ?? []);
        Factory = new PressReleasesFactory(source, temp.Sub("data"), ingestOnStartup: releases is not null);
        foreach (var (key, value) in settings)
        {
            Factory.Settings[key] = value;
        }

        site = ClientAddressFromHeader.In(Factory);
        Client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public PressReleasesFactory Factory { get; }

    public HttpClient Client { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await site.DisposeAsync();
        await Factory.DisposeAsync();
        temp.Dispose();
    }
}
