using System.Net;
using System.Net.Sockets;
using System.Text;
using PressReleases.Web.Tests.Cli;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// SIGTERM (what <c>docker stop</c> and Kubernetes send) stops the site gracefully: it takes no new connections,
/// finishes the requests it is serving, and exits 0. The request in flight is a whole-corpus export read slowly,
/// far larger than the sockets' buffers, so the site is still writing it when the signal arrives.
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private const int Releases = 20_000;

    private readonly TempDirectory temp = new("graceful-shutdown");

    [Fact]
    public async Task OnSigterm_TheRequestInFlightIsFinished_NewConnectionsAreRefused_AndTheSiteExitsZero()
    {
        var source = temp.Sub("source");
        GeneratedReleases.Write(source, Releases);
        var ingest = await CliRunner.RunAsync(temp.Sub("data"), temp.Path, "ingest", source);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        var port = FreePort.Find();
        using var site = ChildApp.Start(temp.Sub("data"), temp.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["PressReleases__IngestOnStartup"] = "false",
            ["PressReleases__ApiRateLimit__PermitLimit"] = "0",
        });
        await WaitUntilReadyAsync(port, site);

        // A small receive window keeps the export from landing in the kernel's buffers all at once.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        // HTTP/1.0: the body is not chunked and ends when the site closes the connection.
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /api/releases.ndjson HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n"));
        var received = new MemoryStream();
        await ReceiveAsync(socket, received, atLeast: 4096);
        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(received.GetBuffer(), 0, 12), StringComparison.Ordinal);

        site.Terminate();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(site.HasExited, $"The site exited while a request was still being answered:\n{site.Output}");
        await Assert.ThrowsAnyAsync<SocketException>(async () =>
        {
            using var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await late.ConnectAsync(IPAddress.Loopback, port);
        });

        await ReceiveAsync(socket, received, atLeast: int.MaxValue);
        var response = Encoding.UTF8.GetString(received.ToArray());
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Releases, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("{\"slug\":\"generated-release-", line, StringComparison.Ordinal));

        var exitCode = await site.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{site.Output}");
    }

    /// <summary>Reads until <paramref name="atLeast"/> bytes have come in all, or the connection closes.</summary>
    private static async Task ReceiveAsync(Socket socket, MemoryStream into, int atLeast)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (into.Length < atLeast)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                return;
            }

            into.Write(buffer, 0, read);
        }
    }

    private static async Task WaitUntilReadyAsync(int port, ChildApp site)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var health = await client.GetAsync($"http://127.0.0.1:{port}/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline && !site.HasExited, $"The site did not become ready:\n{site.Output}");
            await Task.Delay(200);
        }
    }

    public void Dispose() => temp.Dispose();
}
