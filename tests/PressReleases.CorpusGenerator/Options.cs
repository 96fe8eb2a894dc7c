namespace PressReleases.CorpusGenerator;

/// <summary>"--name value" pairs and bare "--flag"s; null when an argument is not an option.</summary>
public static class Options
{
    public static Dictionary<string, string?>? Parse(string[] args)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            result[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return result;
    }
}
