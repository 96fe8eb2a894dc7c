using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.TestSupport.Servers;

namespace PressReleases.Core.Tests.Store.PostgreSql;

/// <summary>What only the PostgreSQL store has: a server to reach, a connection string, several processes migrating at once.</summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class PostgreSqlStoreTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=notaport;Database=x")]
    [InlineData("this is not a connection string")]
    [InlineData("Database=pressreleases;Username=postgres")]
    [InlineData("   ")]
    public void MalformedConnectionString_IsOneLineNamingTheSetting(string connectionString)
    {
        var error = Assert.Throws<StoreException>(() => StoreLocation.PostgreSql(connectionString));

        Assert.Contains("PressReleases:Store:ConnectionString", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Description_NamesServerAndDatabase_NeverThePassword()
    {
        var location = StoreLocation.PostgreSql("Host=db.internal;Port=6543;Database=releases;Username=web;Password=hunter2");

        Assert.Equal("the PostgreSQL database 'releases' on db.internal:6543", location.Description);
        Assert.Equal(location.Description, location.ToString());
        Assert.Contains("Application Name=PressReleases", location.ConnectionString);
    }

    [Fact]
    public async Task UnreachableServer_FailsInOneLine_NamingServerAndDatabase()
    {
        // A port nothing listens on: bound and released at once.
        var port = FreePort.Find();
        var location = StoreLocation.PostgreSql($"Host=127.0.0.1;Port={port};Database=nowhere;Username=postgres;Password=secret-word;Timeout=3");
        await using var db = new StoreContextFactory(location).CreateDbContext();

        var error = await Assert.ThrowsAsync<StoreException>(() => StoreSetup.InitializeAsync(db));

        Assert.StartsWith($"The store (the PostgreSQL database 'nowhere' on 127.0.0.1:{port}) cannot be used: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("secret-word", error.Message);
        Assert.True(StoreErrors.IsUnavailable(error.InnerException!), error.ToString());
    }

    [Fact]
    public async Task Initialize_CreatesTheDatabase_WhenTheServerLacksIt()
    {
        var server = await PostgreSqlServer.SharedAsync();
        var connectionString = server.ConnectionString($"created_{Guid.NewGuid():N}");
        try
        {
            await using var db = new StoreContextFactory(StoreLocation.PostgreSql(connectionString)).CreateDbContext();
            await StoreSetup.InitializeAsync(db);

            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Initialize_FromSeveralNodesAtOnce_MigratesOnce_AndAllSucceed()
    {
        var server = await PostgreSqlServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            var factory = new StoreContextFactory(StoreLocation.PostgreSql(connectionString));
            var contexts = Enumerable.Range(0, 4).Select(_ => factory.CreateDbContext()).ToList();
            await Task.WhenAll(contexts.Select(db => Task.Run(() => StoreSetup.InitializeAsync(db))));
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }

            await using var check = factory.CreateDbContext();
            var history = await check.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync();
            Assert.Equal(check.Database.GetMigrations(), history.Order(StringComparer.Ordinal));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}
