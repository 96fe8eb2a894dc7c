using System.Net.Sockets;
using System.Text;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Security;

/// <summary>
/// The site over the seeds on a real Kestrel socket: only Kestrel applies its request-line and header
/// limits, and only a raw socket can send a path the client library would have normalised first.
/// </summary>
public sealed class SocketSiteFixture : IAsyncLifetime
{
    private readonly TempDirectory temp = new("socket-site");

    public PressReleasesFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PressReleasesFactory(RepoPaths.Seeds, temp.Sub("data"));
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseAddress = Factory.ClientOptions.BaseAddress;
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await Factory.WaitForReleasesAsync(Client, SeedCorpus.ExpectedReleases);
    }

    /// <summary>Sends <paramref name="requestTarget"/> exactly as written (plus extra header lines) and returns the status code and the raw answer.</summary>
    public async Task<(int Status, string Response)> SendRawAsync(string requestTarget, string extraHeaders = "")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {requestTarget} HTTP/1.1\r\nHost: {BaseAddress.Authority}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var statusLine = response.Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ');
        Assert.True(parts.Length >= 2 && int.TryParse(parts[1], out _), $"GET {requestTarget}: no status line in '{statusLine}'");
        return (int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        temp.Dispose();
    }
}
