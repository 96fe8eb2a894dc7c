using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Store;

/// <summary>
/// The store runs on the compiled model in Store/CompiledModel (built ahead, so no process pays for building
/// it). It must describe the same schema as the migrations: a model change needs a migration and a fresh
/// `dotnet ef dbcontext optimize` (docs/architecture.md), and this fails when either was forgotten.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public async Task CompiledModel_IsInUse_AndMatchesTheLastMigration()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.NewDb();

        Assert.Equal("PressReleasesDbContextModel", db.Model.GetType().Name);
        Assert.False(db.Database.HasPendingModelChanges(), "The compiled model and the last migration's snapshot differ: add a migration and/or re-run dotnet ef dbcontext optimize.");
    }
}
