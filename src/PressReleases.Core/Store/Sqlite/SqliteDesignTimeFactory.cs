using Microsoft.EntityFrameworkCore.Design;

namespace PressReleases.Core.Store.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteDbContext</c> build the context without starting the site.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args) =>
        (SqliteDbContext)SqliteStore.ContextFactory(SqliteStore.ConnectionString(new DataDirectory(Path.Combine(Path.GetTempPath(), "pressreleases-design"))))();
}
