using Microsoft.EntityFrameworkCore.Design;

namespace PressReleases.Core.Store;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the site.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PressReleasesDbContext>
{
    public PressReleasesDbContext CreateDbContext(string[] args) =>
        new(StoreSetup.SqliteOptions(new DataDirectory(Path.Combine(Path.GetTempPath(), "pressreleases-design"))));
}
