using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Store;

/// <summary>
/// The store: the source of truth. One model for every provider; each provider has a context of its own
/// (<see cref="Sqlite.SqliteDbContext"/>, <see cref="PostgreSql.PostgreSqlDbContext"/>) only because EF Core
/// keeps migrations, and the compiled model, per context type. Everything else uses this type.
/// </summary>
public abstract class PressReleasesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Release> Releases => Set<Release>();

    public DbSet<Minister> Ministers => Set<Minister>();

    public DbSet<Portfolio> Portfolios => Set<Portfolio>();

    public DbSet<ReleaseMinister> ReleaseMinisters => Set<ReleaseMinister>();

    public DbSet<ReleasePortfolio> ReleasePortfolios => Set<ReleasePortfolio>();

    public DbSet<ReleaseVersion> ReleaseVersions => Set<ReleaseVersion>();

    public DbSet<IngestRun> IngestRuns => Set<IngestRun>();

    public DbSet<IngestProblem> IngestProblems => Set<IngestProblem>();

    public DbSet<ReleaseSignature> ReleaseSignatures => Set<ReleaseSignature>();

    public DbSet<Reannouncement> Reannouncements => Set<Reannouncement>();

    public DbSet<StoreIdentity> StoreIdentities => Set<StoreIdentity>();

    /// <summary>
    /// True when <paramref name="exception"/> (or a cause of it) says this provider's store cannot be reached now
    /// (a server down or restarting, a refused connection, a timeout), as opposed to a statement that failed:
    /// readers may serve what they hold and writers may retry later.
    /// </summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>
    /// What follows a single-row INSERT's command text so that the command answers the new row's store-generated key
    /// (<paramref name="keyColumn"/>, already quoted): RETURNING, unless the provider has a cheaper way.
    /// </summary>
    internal virtual string InsertedKeyClause(string keyColumn) => $" RETURNING {keyColumn}";

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PressReleasesDbContext).Assembly);
}
