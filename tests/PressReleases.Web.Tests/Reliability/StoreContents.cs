using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// One current release as the store holds it, everything but the store's own bookkeeping (id, change
/// sequence, timestamps), so two stores built from the same folder compare equal record by record.
/// </summary>
public sealed record StoredRelease(
    string SourcePath,
    string Slug,
    string SourceUrl,
    string Title,
    DateOnly? Date,
    string ContentHash,
    string BodyHtml,
    string BodyText,
    string Ministers,
    string Portfolios);

/// <summary>Reads a store directly (no site): a data directory's SQLite file, or a PostgreSQL database.</summary>
public static class StoreContents
{
    /// <summary>Current (not removed) releases of a data directory's SQLite store, with their id, ordered by source path.</summary>
    public static Task<List<(int Id, long ChangeSeq, StoredRelease Release)>> ReadAsync(string dataDirectory) =>
        ReadAsync(StoreLocation.Sqlite(new DataDirectory(dataDirectory)));

    /// <summary>Current (not removed) releases with their id, ordered by source path.</summary>
    public static async Task<List<(int Id, long ChangeSeq, StoredRelease Release)>> ReadAsync(StoreLocation location)
    {
        try
        {
            await using var db = new StoreContextFactory(location).CreateDbContext();
            var rows = await db.Releases.AsNoTracking()
                .Where(r => r.RemovedAt == null)
                .Select(r => new
                {
                    r.Id, r.ChangeSeq, r.SourcePath, r.Slug, r.SourceUrl, r.Title, r.Date, r.ContentHash, r.BodyHtml, r.BodyText,
                    Ministers = r.Ministers.OrderBy(m => m.Position).Select(m => m.Minister.Slug + "=" + m.Spelling).ToList(),
                    Portfolios = r.Portfolios.OrderBy(p => p.Position).Select(p => p.Portfolio.Slug + "=" + p.Spelling).ToList(),
                })
                .ToListAsync();
            return rows
                .OrderBy(r => r.SourcePath, StringComparer.Ordinal)
                .Select(r => (r.Id, r.ChangeSeq, new StoredRelease(r.SourcePath, r.Slug, r.SourceUrl, r.Title, r.Date, r.ContentHash, r.BodyHtml, r.BodyText,
                    string.Join(" | ", r.Ministers), string.Join(" | ", r.Portfolios))))
                .ToList();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Rows in Releases of a PostgreSQL database now (another process may be ingesting); 0 before it is migrated.</summary>
    public static long CountInPostgreSql(string connectionString)
    {
        try
        {
            using var connection = new Npgsql.NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM \"Releases\"", connection);
            return (long)(command.ExecuteScalar() ?? 0L);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState is Npgsql.PostgresErrorCodes.UndefinedTable or Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            // Not created or not migrated yet.
            return 0;
        }
    }

    /// <summary>
    /// Rows in Releases now, read without writing anything (read-only, no pool) while another process may
    /// be ingesting; 0 while the file or the table does not exist yet. Any other failure (the writer holding a
    /// lock, or killed mid-write) is tried again for a few seconds and then thrown: taken for "no rows", it once
    /// made a run that had written look as if it had written nothing.
    /// </summary>
    public static long CountWhileWriting(string dataDirectory)
    {
        var path = new DataDirectory(dataDirectory).DatabasePath;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (!File.Exists(path))
            {
                return 0;
            }

            try
            {
                return CountReadOnly(path);
            }
            catch (SqliteException ex) when (NotMadeYet(ex))
            {
                return 0;
            }
            catch (SqliteException) when (waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(50);
            }
        }
    }

    private static long CountReadOnly(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();

        // Two commands: in one, ExecuteScalar would answer the pragma's own row (2000), not the count.
        command.CommandText = "PRAGMA busy_timeout=2000;";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM Releases;";
        return (long)(command.ExecuteScalar() ?? 0L);
    }

    /// <summary>The file exists but the store in it is not made yet: no header written (SQLITE_NOTADB) or not migrated.</summary>
    private static bool NotMadeYet(SqliteException ex) =>
        ex.SqliteErrorCode == 26 || ex.Message.Contains("no such table", StringComparison.Ordinal);
}
