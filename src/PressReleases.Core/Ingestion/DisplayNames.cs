using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;

namespace PressReleases.Core.Ingestion;

/// <summary>
/// Chooses each minister's and portfolio's display name: the spelling most releases use ("Maori Affairs"
/// over "Māori Affairs" when the corpus says so). Ties go to the spelling with more non-ASCII letters
/// (the macron form), then to ordinal order, so the choice is stable.
/// </summary>
internal static class DisplayNames
{
    public static async Task RefreshAsync(IDbContextFactory<PressReleasesDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activeReleaseIds = db.Releases.Where(r => r.RemovedAt == null).Select(r => r.Id);
        foreach (var kind in NameKind.All)
        {
            var tables = NameTables.For(kind);
            var spellings = await tables.Links(db)
                .Where(l => activeReleaseIds.Contains(l.ReleaseId))
                .GroupBy(l => new { l.NameId, l.Spelling })
                .Select(g => new Spelling(g.Key.NameId, g.Key.Spelling, g.Count()))
                .ToListAsync(cancellationToken);
            var best = Best(spellings);
            foreach (var name in await tables.TrackedNamesAsync(db, cancellationToken))
            {
                if (best.TryGetValue(name.Id, out var spelling) && spelling != name.Name)
                {
                    name.Name = spelling;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static Dictionary<int, string> Best(IEnumerable<Spelling> spellings) =>
        spellings.GroupBy(s => s.OwnerId).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(s => s.Count)
                  .ThenByDescending(s => s.Text.Count(c => c > 127))
                  .ThenBy(s => s.Text, StringComparer.Ordinal)
                  .First().Text);

    internal sealed record Spelling(int OwnerId, string Text, int Count);
}
