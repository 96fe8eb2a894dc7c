using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;

namespace PressReleases.Web.Discovery;

/// <summary>A current release as a sitemap lists it: where it is and when it was published.</summary>
public sealed record SitemapRelease(string Slug, DateOnly? Date);

/// <summary>
/// Reads sitemap entries from the store, the source of truth (the index may still be catching up). Only
/// slugs and dates are selected, in id order, so each file is a stable slice and no body is ever loaded.
/// </summary>
public static class SitemapSource
{
    /// <summary>The releases of one sitemap file (1-based), streamed from the database as they are written out.</summary>
    public static async IAsyncEnumerable<SitemapRelease> SitemapReleasesAsync(
        this IDbContextFactory<PressReleasesDbContext> dbFactory, int file, int perFile, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Releases.AsNoTracking()
            .Where(r => r.RemovedAt == null)
            .OrderBy(r => r.Id)
            .Skip((file - 1) * perFile)
            .Take(perFile)
            .Select(r => new SitemapRelease(r.Slug, r.Date))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
