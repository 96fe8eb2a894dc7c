using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Setup;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Snapshots;

/// <summary>
/// <c>GET /internal/index-snapshot</c>: this node's last index commit as a tar, for a new node to start from
/// (docs/scaling.md, "A new node"). Only with <c>PressReleases:Index:SnapshotKey</c> set (else 404) and to requests
/// carrying that key in <see cref="KeyHeader"/> (else 401). The commit is held while its files stream and released
/// afterwards, also when the client goes away midway.
/// </summary>
public static class IndexSnapshotEndpoint
{
    public const string Path = "/internal/index-snapshot";

    public const string KeyHeader = "X-Snapshot-Key";

    /// <summary>The store change sequence the snapshot reflects.</summary>
    public const string ChangeSeqHeader = "X-Index-Change-Seq";

    public const string SchemaHeader = "X-Index-Schema";

    /// <summary>The store the snapshot was built from, so a node of another store can refuse it before the copy.</summary>
    public const string StoreHeader = "X-Index-Store";

    public static IEndpointRouteBuilder MapPressReleaseIndexSnapshot(this IEndpointRouteBuilder app)
    {
        // Out of the request queue: a copy streams for seconds and must not hold a visitor's place; it is for peers only.
        app.MapGet(Path, ServeAsync).BypassRequestQueue().ExcludeFromDescription();
        return app;
    }

    private static async Task ServeAsync(HttpContext context, StartupState startup, ILoggerFactory loggers)
    {
        var key = context.RequestServices.GetIndexOptions().SnapshotKey;
        if (string.IsNullOrEmpty(key))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!KeyMatches(context.Request.Headers[KeyHeader].ToString(), key))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // Before the start-up sync the index may be empty, outdated or being rebuilt: nothing to hand out yet.
        using var snapshot = startup.IsIndexReady ? context.RequestServices.GetRequiredService<SearchIndex>().TakeSnapshot() : null;
        if (snapshot is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "10";
            return;
        }

        var log = loggers.CreateLogger(typeof(IndexSnapshotEndpoint));
        context.Response.ContentType = "application/x-tar";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers[ChangeSeqHeader] = snapshot.ChangeSeq.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers[SchemaHeader] = snapshot.SchemaVersion.ToString(CultureInfo.InvariantCulture);
        if (snapshot.StoreIdentity is { } store)
        {
            context.Response.Headers[StoreHeader] = store;
        }
        try
        {
            await snapshot.WriteTarAsync(context.Response.Body, context.RequestAborted);
            log.LogInformation("Served the index snapshot at store change {ChangeSeq} ({Files} files, {Bytes} bytes) to {Client}",
                snapshot.ChangeSeq, snapshot.FileNames.Count, snapshot.Length, context.Connection.RemoteIpAddress);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            log.LogWarning("The index snapshot's client went away before the end of the copy");
        }
    }

    /// <summary>Compares in constant time, so the answer's timing says nothing about how much of a guess was right.</summary>
    private static bool KeyMatches(string given, string key)
    {
        var givenBytes = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var keyBytes = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(givenBytes, keyBytes);
    }
}
