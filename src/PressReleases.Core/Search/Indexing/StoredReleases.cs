using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;

namespace PressReleases.Core.Search.Indexing;

/// <summary>Reads releases from the store as the index holds them: the replay of changes and the marking of withdrawals share it.</summary>
internal static class StoredReleases
{
    /// <summary>The releases <paramref name="rows"/> selects, in its order, each with its names in file order.</summary>
    public static async Task<List<IndexedRelease>> ReadAsync(PressReleasesDbContext db, IQueryable<Release> rows, CancellationToken cancellationToken)
    {
        var found = await rows.AsNoTracking()
            .Select(r => new { r.Id, r.Slug, r.Title, r.Date, r.SourceUrl, r.BodyText, Withdrawn = r.RemovedAt != null })
            .ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            return [];
        }

        var ids = found.Select(r => r.Id).ToList();
        var names = new Dictionary<NameKind, ILookup<int, string>>();
        foreach (var kind in NameKind.All)
        {
            names[kind] = (await NameTables.For(kind).Links(db).Where(l => ids.Contains(l.ReleaseId))
                    .OrderBy(l => l.Position).Select(l => new { l.ReleaseId, l.Slug }).ToListAsync(cancellationToken))
                .ToLookup(l => l.ReleaseId, l => l.Slug);
        }

        return found.ConvertAll(row => new IndexedRelease(
            row.Id, row.Slug, row.Title, row.Date, row.SourceUrl, row.BodyText,
            [.. names[NameKind.Minister][row.Id]], [.. names[NameKind.Portfolio][row.Id]], row.Withdrawn));
    }
}
