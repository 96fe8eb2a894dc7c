using System.Diagnostics.CodeAnalysis;

namespace PressReleases.Web.Cli;

/// <summary>A command-line verb, run instead of the site.</summary>
internal interface ICommand
{
    Task<int> RunAsync();
}

/// <summary>
/// Recognises the verbs before the web host exists: their arguments (folders such as "/data/releases")
/// would otherwise reach the configuration's command-line parser, which rejects them.
/// </summary>
internal static class CommandLine
{
    public const int UsageExitCode = 64;

    public const string Usage = """
        Usage:
          PressReleases.Web [--urls <url>] [--PressReleases:DataDirectory <path>] ...
              Run the site (the default). Host settings are given as --key value or key=value.
          PressReleases.Web ingest <folder> [--strict]
              Add, update and withdraw releases from a folder of markdown files, then exit.
              Exit code 0 when the run completed (even with rejected files), 1 when it failed
              (the store unreachable, say), 2 with --strict when any file was rejected,
              130 after Ctrl+C and 0 after SIGTERM (both stop between two store batches).
          PressReleases.Web ingest <folder> --watch
              Ingest, then keep running: ingest again when files in the folder change (once it
              has been quiet for PressReleases:Ingest:DebounceMilliseconds, default 1000) and at
              least every PressReleases:Ingest:RescanMinutes (default 10), printing one line per
              run. While the store is unreachable, retry with back-off. Ctrl+C or SIGTERM stops
              (a run in progress at its next batch) with exit code 0.
          PressReleases.Web reindex [--from <url>]
              Rebuild the search index from the store, then exit. With --from, copy the index
              of the node at <url> instead (PostgreSQL store; the key in
              PressReleases:Index:SnapshotKey) and catch it up from the store; when the copy
              cannot be used, rebuild from the store.
          PressReleases.Web backup <file>
              Write a consistent copy of the SQLite store to a new file (VACUUM INTO), also
              while the site runs and ingests. A PostgreSQL store is backed up with pg_dump.
          PressReleases.Web healthcheck [--live] [--url <url>]
              Ask the site running on this machine whether it is ready (/healthz; with --live,
              whether it answers at all: /healthz/live). Exit code 0 when it answers 200, 1 when
              not (the image's HEALTHCHECK). Without --url: the address in ASPNETCORE_URLS, else
              port ASPNETCORE_HTTP_PORTS, else 5000, on 127.0.0.1.
          PressReleases.Web help
              Show this message.

        The data directory comes from PressReleases:DataDirectory (appsettings.json or the
        PressReleases__DataDirectory environment variable); relative paths resolve against the
        current directory.
        """;

    /// <summary>
    /// True when <paramref name="args"/> name a verb (or ask for help, or are malformed) rather than running the site.
    /// Arguments that look like host settings ("--urls ...", "key=value") leave the site to run.
    /// </summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out ICommand? command)
    {
        command = null;
        if (args.Length == 0)
        {
            return false;
        }

        var verb = args[0];
        var rest = args[1..];
        command = verb.ToLowerInvariant() switch
        {
            "help" or "--help" or "-h" or "-?" or "/?" => new UsageCommand(),
            "ingest" => ParseIngest(rest),
            "reindex" => ParseReindex(rest),
            "healthcheck" => ParseHealthcheck(rest),
            "backup" => rest is [var file] && !file.StartsWith('-') ? new BackupCommand(file) : Invalid("backup takes one argument: the file to write."),
            _ when verb.StartsWith('-') || verb.Contains('=') => null,
            _ => Invalid($"Unknown command '{verb}'."),
        };
        return command is not null;
    }

    private static ICommand ParseIngest(string[] args)
    {
        string? folder = null;
        var strict = false;
        var watch = false;
        foreach (var arg in args)
        {
            if (arg == "--strict")
            {
                strict = true;
            }
            else if (arg == "--watch")
            {
                watch = true;
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                return Invalid($"Unknown option '{arg}' for ingest.");
            }
            else if (folder is null)
            {
                folder = arg;
            }
            else
            {
                return Invalid($"ingest takes one folder (got '{folder}' and '{arg}').");
            }
        }

        if (folder is null)
        {
            return Invalid("ingest needs a folder.");
        }

        // --strict is an exit code for a run that ends; a watch does not end with a verdict.
        return strict && watch
            ? Invalid("ingest takes --strict or --watch, not both: a watch keeps running, so there is no exit code for rejected files.")
            : new IngestCommand(folder, strict, watch);
    }

    private static ICommand ParseReindex(string[] args) => args switch
    {
        [] => new ReindexCommand(),
        ["--from", var from] when Uri.TryCreate(from, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            => new ReindexCommand(url),
        ["--from", var from] => Invalid($"reindex --from needs another node's http or https base address (got '{from}')."),
        _ => Invalid($"reindex takes no arguments but --from <url> (got '{string.Join(' ', args)}')."),
    };

    private static ICommand ParseHealthcheck(string[] args)
    {
        Uri? url = null;
        var live = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--live")
            {
                live = true;
            }
            else if (args[i] == "--url" && i + 1 < args.Length)
            {
                if (!Uri.TryCreate(args[++i], UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    return Invalid($"healthcheck --url needs an absolute http or https address (got '{args[i]}').");
                }
            }
            else
            {
                return Invalid($"Unknown argument '{args[i]}' for healthcheck.");
            }
        }

        return new HealthcheckCommand(url, live);
    }

    private static UsageCommand Invalid(string error) => new(error);
}

/// <summary>Prints usage: to stdout when asked for, to stderr with exit code 64 after a mistake.</summary>
internal sealed class UsageCommand(string? error = null) : ICommand
{
    public Task<int> RunAsync()
    {
        if (error is null)
        {
            Console.Out.WriteLine(CommandLine.Usage);
            return Task.FromResult(0);
        }

        Console.Error.WriteLine(error);
        Console.Error.WriteLine();
        Console.Error.WriteLine(CommandLine.Usage);
        return Task.FromResult(CommandLine.UsageExitCode);
    }
}
