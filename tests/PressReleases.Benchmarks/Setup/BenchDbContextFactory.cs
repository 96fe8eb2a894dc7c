using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;

namespace PressReleases.Benchmarks.Setup;

/// <summary>The site's SQLite store configuration, without dependency injection.</summary>
public sealed class BenchDbContextFactory(DataDirectory data) : IDbContextFactory<PressReleasesDbContext>
{
    public PressReleasesDbContext CreateDbContext() => new(StoreSetup.SqliteOptions(data));
}
