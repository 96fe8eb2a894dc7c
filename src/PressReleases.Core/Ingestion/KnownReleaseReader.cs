using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PressReleases.Core.Releases;
using PressReleases.Core.Store;

namespace PressReleases.Core.Ingestion;

/// <summary>
/// Reads the identity columns of every stored release with one plain command: an unchanged re-ingest spends
/// much of its time here, and for a read of every release EF's query compilation and materializer cost more
/// than the database's own work (docs/performance.md, "Design decisions and their measurements"). Table and
/// column names and quoting come from EF's model, as <see cref="RowInserter{TEntity}"/> does, so the same SQL
/// runs on SQLite or PostgreSQL; the columns are those of the covering index <c>IX_Releases_Identity</c>, so
/// SQLite never touches the rows themselves.
/// </summary>
internal static class KnownReleaseReader
{
    public static async Task<List<KnownRelease>> ReadAllAsync(PressReleasesDbContext db, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(Release))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT {Column(nameof(Release.Id))}, {Column(nameof(Release.Slug))}, {Column(nameof(Release.SourceRoot))}, " +
                $"{Column(nameof(Release.SourcePath))}, {Column(nameof(Release.SourceUrl))}, {Column(nameof(Release.Date))}, " +
                $"{Column(nameof(Release.ContentHash))}, {Column(nameof(Release.SourceLength))}, {Column(nameof(Release.SourceWriteTicks))}, " +
                $"{Column(nameof(Release.RemovedAt))} IS NOT NULL FROM {sql.DelimitIdentifier(table.Name, table.Schema)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var known = new List<KnownRelease>();
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(new KnownRelease(
                    reader.GetInt32(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                    reader.GetString(6),
                    new FileFingerprint(reader.GetInt64(7), reader.GetInt64(8)),
                    reader.GetBoolean(9)));
            }

            return known;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
