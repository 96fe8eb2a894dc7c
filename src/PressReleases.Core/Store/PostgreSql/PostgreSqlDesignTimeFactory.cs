using Microsoft.EntityFrameworkCore.Design;

namespace PressReleases.Core.Store.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgreSqlDbContext</c> build the context without a server:
/// scaffolding a migration compares models and never connects.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args) =>
        (PostgreSqlDbContext)PostgreSqlStore.ContextFactory("Host=localhost;Database=pressreleases_design")();
}
