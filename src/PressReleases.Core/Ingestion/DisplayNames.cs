using Microsoft.EntityFrameworkCore;
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

        var ministerSpellings = await db.ReleaseMinisters
            .Where(l => activeReleaseIds.Contains(l.ReleaseId))
            .GroupBy(l => new { l.MinisterId, l.Spelling })
            .Select(g => new Spelling(g.Key.MinisterId, g.Key.Spelling, g.Count()))
            .ToListAsync(cancellationToken);
        var ministerNames = Best(ministerSpellings);
        foreach (var minister in await db.Ministers.ToListAsync(cancellationToken))
        {
            if (ministerNames.TryGetValue(minister.Id, out var name) && name != minister.Name)
            {
                minister.Name = name;
            }
        }

        var portfolioSpellings = await db.ReleasePortfolios
            .Where(l => activeReleaseIds.Contains(l.ReleaseId))
            .GroupBy(l => new { l.PortfolioId, l.Spelling })
            .Select(g => new Spelling(g.Key.PortfolioId, g.Key.Spelling, g.Count()))
            .ToListAsync(cancellationToken);
        var portfolioNames = Best(portfolioSpellings);
        foreach (var portfolio in await db.Portfolios.ToListAsync(cancellationToken))
        {
            if (portfolioNames.TryGetValue(portfolio.Id, out var name) && name != portfolio.Name)
            {
                portfolio.Name = name;
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
