using System.Globalization;

namespace PressReleases.Benchmarks.Cli;

/// <summary>The command line after the verb. Options the verb does not take are usage errors, except for <c>bdn</c>, which passes them on.</summary>
public sealed record BenchOptions
{
    public string? Data { get; init; }

    public string? Corpus { get; init; }

    public int Passes { get; init; } = 5;

    public int Runs { get; init; } = 1;

    public bool Suggest { get; init; }

    public bool Related { get; init; }

    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>quality: the judged query file (default: the search-quality project's).</summary>
    public string? Queries { get; init; }

    /// <summary>quality: tune, holdout or all (default all).</summary>
    public string Split { get; init; } = "all";

    /// <summary>quality: only queries of this kind.</summary>
    public string? Kind { get; init; }

    /// <summary>quality: also list every imperfect query with the rank of its answers.</summary>
    public bool Verbose { get; init; }

    /// <summary>phrase-floor: the phrases to time (default: the mix's slowest over a million releases).</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>Everything else, for BenchmarkDotNet.</summary>
    public IReadOnlyList<string> Rest { get; init; } = [];

    /// <summary>Reads the options; null (with <paramref name="error"/>) for a bad command line.</summary>
    public static BenchOptions? Parse(string verb, IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new BenchOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 < args.Count)
                {
                    return args[++i];
                }

                return null;
            }

            switch (arg)
            {
                case "--data" or "--corpus" when Value() is { } path:
                    options = arg == "--data" ? options with { Data = path } : options with { Corpus = path };
                    break;
                case "--passes" or "--runs" when verb is "querymix" or "httpmix" || (verb == "phrase-floor" && arg == "--passes"):
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                    {
                        error = $"{arg} needs a whole number of at least 1.";
                        return null;
                    }

                    options = arg == "--passes" ? options with { Passes = count } : options with { Runs = count };
                    break;
                case "--suggest" when verb == "querymix":
                    options = options with { Suggest = true };
                    break;
                case "--related" when verb == "querymix":
                    options = options with { Related = true };
                    break;
                case "--url" when verb == "httpmix":
                    if (!Uri.TryCreate(Value(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                    {
                        error = "--url needs an absolute http(s) address, e.g. http://127.0.0.1:5080.";
                        return null;
                    }

                    options = options with { Url = url };
                    break;
                case "--queries" or "--kind" when verb == "quality" && Value() is { } text:
                    options = arg == "--queries" ? options with { Queries = text } : options with { Kind = text };
                    break;
                case "--split" when verb == "quality":
                    var split = Value();
                    if (split is not ("tune" or "holdout" or "all"))
                    {
                        error = $"--split needs tune, holdout or all, not '{split}'.";
                        return null;
                    }

                    options = options with { Split = split };
                    break;
                case "--phrase" when verb == "phrase-floor" && Value() is { } phrase:
                    options = options with { Phrases = [.. options.Phrases, phrase] };
                    break;
                case "--verbose" when verb == "quality":
                    options = options with { Verbose = true };
                    break;
                case "--data" or "--corpus" or "--queries" or "--kind" or "--phrase":
                    error = $"{arg} needs a value.";
                    return null;
                default:
                    if (verb != "bdn")
                    {
                        error = $"'{arg}' is not an option of {verb}.";
                        return null;
                    }

                    rest.Add(arg);
                    break;
            }
        }

        return options with { Rest = rest };
    }
}
