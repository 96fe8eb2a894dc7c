using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace PressReleases.TestSupport.Servers;

/// <summary>
/// A throwaway PostgreSQL server from Debian's <c>postgresql</c> package: <c>initdb</c> and <c>pg_ctl</c> (as the
/// <c>postgres</c> user when the tests run as root) in a temporary folder, on a free loopback port, with fsync
/// off, since nothing in it needs to survive a crash of the machine. A missing package is installed when the tests
/// run as root; otherwise the tests fail with the command to run.
/// Most tests share one server per test process (<see cref="SharedAsync"/>), each with a database of its own; a
/// test that stops the server (the store going down) starts a private one (<see cref="StartAsync"/>).
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    private const string Root = "/tmp/pressreleases-pg";
    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(() => StartAsync("shared"));
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string folder;
    private readonly string binaries;
    private bool disposed;

    private PostgreSqlServer(string folder, string binaries, int port)
    {
        this.folder = folder;
        this.binaries = binaries;
        Port = port;
    }

    public static string MissingMessage => DebianPackage.MissingMessage("PostgreSQL", "postgresql");

    public int Port { get; }

    /// <summary>Whether the server is running (false between <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>).</summary>
    public bool IsRunning { get; private set; }

    private string DataFolder => Path.Combine(folder, "data");

    /// <summary>The server this test process shares, started on first use and stopped when the process exits.</summary>
    public static Task<PostgreSqlServer> SharedAsync() => Shared.Value;

    /// <summary>A server of the caller's own, stopped and deleted on dispose (and when the process exits).</summary>
    public static async Task<PostgreSqlServer> StartAsync(string purpose = "private")
    {
        var isRoot = DebianPackage.IsRoot();
        await DebianPackage.EnsureInstalledAsync("PostgreSQL", "postgresql", () => FindBinaries() is not null, isRoot, Console.Error.WriteLine);
        var binaries = FindBinaries() ?? throw new InvalidOperationException(MissingMessage);
        RemoveAbandonedServers(binaries);

        var folder = Path.Combine(Root, $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (isRoot)
        {
            // initdb refuses to run as root; the server's files belong to postgres.
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        var server = new PostgreSqlServer(folder, binaries, FreePort.Find());
        await server.RunToolAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await server.StartAgainAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAndDelete();
        return server;
    }

    /// <summary>Connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = "postgres",
            // Long enough for a backend to start while three test hosts, Chromium and the server share two busy cores
            // (5 s was exceeded once); a stopped server still refuses at once, so outage tests are no slower.
            Timeout = 15,
        }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose = "test")
    {
        var name = $"{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing whatever is still connected to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var database = await CloseSessionsAsync(connectionString);
        if (IsRunning)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>Closes this process's pooled sessions to the database (copying and dropping need none open); returns its name.</summary>
    private static async Task<string> CloseSessionsAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    /// <summary>A copy of the database of <paramref name="connectionString"/> (which must have no session open), by name.</summary>
    public async Task<string> CopyDatabaseAsync(string connectionString)
    {
        var source = await CloseSessionsAsync(connectionString);
        var copy = $"copy_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{copy}\" TEMPLATE \"{source}\"");
        return copy;
    }

    /// <summary>Puts the copy <paramref name="copy"/> in place of the database of <paramref name="connectionString"/>.</summary>
    public async Task ReplaceDatabaseAsync(string connectionString, string copy)
    {
        var target = await CloseSessionsAsync(connectionString);
        await ExecuteAsync($"DROP DATABASE \"{target}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{target}\" TEMPLATE \"{copy}\"");
    }

    /// <summary>Stops the server (fast shutdown: sessions are ended), as a database going down would.</summary>
    public async Task StopAsync()
    {
        await RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "-t", "30", "stop"]);
        IsRunning = false;
    }

    /// <summary>Starts the server again on the same port, with everything it held.</summary>
    public async Task StartAgainAsync()
    {
        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1",
            $"-p {Port}",
            $"-k {folder}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=300");
        await RunToolAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(folder, "log"), "-w", "-t", "30", "-o", options, "start"]);
        IsRunning = true;
    }

    public ValueTask DisposeAsync()
    {
        StopAndDelete();
        return ValueTask.CompletedTask;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private void StopAndDelete()
    {
        lock (folder)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        if (Directory.Exists(DataFolder))
        {
            // Immediate: the process is going away and nothing here is worth a checkpoint.
            RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "-t", "30", "stop"], DebianPackage.IsRoot(), ignoreFailure: true)
                .GetAwaiter().GetResult();
        }

        IsRunning = false;
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder left in /tmp is removed by the next run's clean-up.
        }
    }

    private Task RunToolAsync(string tool, string[] arguments) =>
        RunAsync(Path.Combine(binaries, tool), arguments, DebianPackage.IsRoot(), workingDirectory: folder);

    /// <summary>The newest installed PostgreSQL's bin folder, or null.</summary>
    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")) && File.Exists(Path.Combine(d.Folder, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault()
            : null;

    /// <summary>Servers whose test process died without stopping them (killed, say): stopped and deleted.</summary>
    private static void RemoveAbandonedServers(string binaries)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var server in Directory.EnumerateDirectories(Root))
        {
            var ownerFile = Path.Combine(server, "owner.pid");
            if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || IsAlive(owner))
            {
                continue;
            }

            var data = Path.Combine(server, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], DebianPackage.IsRoot(), ignoreFailure: true).GetAwaiter().GetResult();
            }

            try
            {
                Directory.Delete(server, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or busy: left alone.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }


    private static async Task RunAsync(string file, string[] arguments, bool asPostgres, string? workingDirectory = null, bool ignoreFailure = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        output.Append(await stdout).Append(await stderr);
        if (!ignoreFailure && (!process.HasExited || process.ExitCode != 0))
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({(process.HasExited ? $"exit code {process.ExitCode}" : "timed out")}):\n{output}");
        }
    }
}
