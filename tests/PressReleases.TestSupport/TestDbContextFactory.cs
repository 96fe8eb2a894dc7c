using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;

namespace PressReleases.TestSupport;

/// <summary>The real SQLite store configuration, without dependency injection.</summary>
public sealed class TestDbContextFactory(DataDirectory data) : IDbContextFactory<PressReleasesDbContext>
{
    public PressReleasesDbContext CreateDbContext() => new(StoreSetup.SqliteOptions(data));
}
