using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Store;

/// <summary>
/// The store: the source of truth. Nothing here names SQLite; the provider is chosen where the
/// context is configured, so a server database can take its place.
/// </summary>
public sealed class PressReleasesDbContext(DbContextOptions<PressReleasesDbContext> options) : DbContext(options)
{
    public DbSet<Release> Releases => Set<Release>();

    public DbSet<Minister> Ministers => Set<Minister>();

    public DbSet<Portfolio> Portfolios => Set<Portfolio>();

    public DbSet<ReleaseMinister> ReleaseMinisters => Set<ReleaseMinister>();

    public DbSet<ReleasePortfolio> ReleasePortfolios => Set<ReleasePortfolio>();

    public DbSet<IngestRun> IngestRuns => Set<IngestRun>();

    public DbSet<IngestProblem> IngestProblems => Set<IngestProblem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PressReleasesDbContext).Assembly);
}
