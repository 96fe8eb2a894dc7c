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
              Exit code 0 when the run completed (even with rejected files), 1 when it failed,
              2 with --strict when any file was rejected.
          PressReleases.Web reindex
              Rebuild the search index from the store, then exit.
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
            "reindex" => rest.Length == 0 ? new ReindexCommand() : Invalid($"reindex takes no arguments (got '{rest[0]}')."),
            _ when verb.StartsWith('-') || verb.Contains('=') => null,
            _ => Invalid($"Unknown command '{verb}'."),
        };
        return command is not null;
    }

    private static ICommand ParseIngest(string[] args)
    {
        string? folder = null;
        var strict = false;
        foreach (var arg in args)
        {
            if (arg == "--strict")
            {
                strict = true;
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

        return folder is null ? Invalid("ingest needs a folder.") : new IngestCommand(folder, strict);
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
