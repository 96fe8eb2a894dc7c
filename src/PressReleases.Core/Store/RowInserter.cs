using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PressReleases.Core.Store;

/// <summary>
/// Inserts new rows of one entity type with a single prepared command, below EF Core's change tracker:
/// for tens of thousands of new releases the tracker costs far more than the database does. Everything
/// provider-specific comes from EF's model (table and column names, identifier quoting, the value
/// conversions of each column's type mapping), so the same code writes to SQLite or PostgreSQL.
/// Runs inside the caller's transaction. A store-generated key comes back in the same command, in the way the
/// provider's context says (<see cref="PressReleasesDbContext.InsertedKeyClause"/>: RETURNING on PostgreSQL).
/// </summary>
internal sealed class RowInserter<TEntity> : IDisposable
    where TEntity : class
{
    private readonly DbCommand command;
    private readonly (IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter)[] columns;
    private readonly IProperty? generatedKey;

    public RowInserter(PressReleasesDbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the store's model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        generatedKey = entityType.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } key] } ? key : null;
        var inserted = entityType.GetProperties().Where(p => p != generatedKey).ToArray();

        var connection = db.Database.GetDbConnection();
        command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted only inside a transaction.");

        // Getters and converters are looked up once here, not for every row.
        columns = new (IClrPropertyGetter, ValueConverter?, DbParameter)[inserted.Length];
        for (var i = 0; i < inserted.Length; i++)
        {
            var mapping = (RelationalTypeMapping)inserted[i].GetTypeMapping();
            // Named as the command text writes it ("@p0"), so the provider binds it by its name at once: named "p0",
            // Microsoft.Data.Sqlite looked for it under each prefix in turn, allocating for every value of every row.
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName("p" + i), value: null, inserted[i].IsNullable);
            command.Parameters.Add(parameter);
            columns[i] = (inserted[i].GetGetter(), mapping.Converter, parameter);
        }

        var names = string.Join(", ", inserted.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var values = string.Join(", ", columns.Select(c => c.Parameter.ParameterName));
        var keyClause = generatedKey is null ? "" : db.InsertedKeyClause(sql.DelimitIdentifier(generatedKey.GetColumnName(table)!));
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values}){keyClause}";
    }

    internal string CommandText => command.CommandText;

    /// <summary>Inserts the entity's row and, for a store-generated key, sets the key on the entity.</summary>
    public async Task InsertAsync(TEntity entity, CancellationToken cancellationToken)
    {
        foreach (var (getter, converter, parameter) in columns)
        {
            var value = getter.GetClrValueUsingContainingEntity(entity);
            parameter.Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        if (generatedKey is null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        var key = await command.ExecuteScalarAsync(cancellationToken);
        var clrKey = Convert.ChangeType(key, generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture);
        generatedKey.PropertyInfo!.SetValue(entity, clrKey);
    }

    public void Dispose() => command.Dispose();
}
