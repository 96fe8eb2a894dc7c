using System.Net;
using System.Net.Sockets;

namespace PressReleases.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on now (the system's choice), for a server a test starts.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
