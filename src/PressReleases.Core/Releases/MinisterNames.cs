using System.Text.RegularExpressions;

namespace PressReleases.Core.Releases;

/// <summary>What a <c>ministers</c> entry turned out to be.</summary>
public readonly record struct MinisterName(string Name, string Slug)
{
    public bool IsPerson => Slug.Length > 0;
}

/// <summary>
/// Turns a raw <c>ministers</c> entry into a person's name: honorifics removed, punctuation normalised.
/// Entries that are link text left by the export ("View/download PDF file", URLs, "click here") are
/// recognised and reported instead of becoming ministers.
/// </summary>
public static partial class MinisterNames
{
    // Titles that precede a name. Order matters: "Rt Hon" before "Hon".
    private static readonly string[] LeadingTitles =
        ["Rt Hon ", "Right Honourable ", "Rt. Hon. ", "Hon. ", "Hon ", "Honourable ", "Dr. ", "Dr ", "Sir ", "Dame ", "Mr ", "Mrs ", "Ms "];

    // Post-nominals that follow a name: King's/Queen's Counsel and honours.
    private static readonly string[] TrailingTitles = [" KC", " QC", " MP", " ONZM", " CNZM", " KNZM", " DNZM", " GNZM", " QSO"];

    // Words that appear in the export's link text but never in a minister's name.
    private static readonly HashSet<string> NonNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "view", "download", "downloaded", "pdf", "file", "word", "doc", "document", "click", "clicking", "here",
        "site", "report", "summary", "analysis", "statement", "list", "framework", "policy", "process",
        "speech", "visit", "minister", "minister's", "justice", "copy", "details", "plan", "version",
        "available", "recipients", "executive", "the", "of", "in", "as", "a", "an", "and", "to", "on", "for",
        "new", "zealand", "no", "air", "review", "inquiry", "survey", "rates", "figures", "category",
    };

    // Lower-case particles that do occur inside names ("Georgina te Heuheu", "Brooke van Velden").
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "te", "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "ter", "bin", "binti",
    };

    public static MinisterName Normalize(string raw)
    {
        var name = TextFolding.CollapseWhitespace(TextFolding.NormalizePunctuation(TextFolding.RemoveControlCharacters(raw)));
        name = StripTitles(name);
        return LooksLikePerson(name) ? new MinisterName(name, Slugs.From(name)) : new MinisterName(name, "");
    }

    public static string StripTitles(string name)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var title in LeadingTitles)
            {
                if (name.StartsWith(title, StringComparison.OrdinalIgnoreCase) && name.Length > title.Length)
                {
                    name = name[title.Length..].TrimStart();
                    changed = true;
                }
            }

            foreach (var title in TrailingTitles)
            {
                if (name.EndsWith(title, StringComparison.Ordinal) && name.Length > title.Length)
                {
                    name = name[..^title.Length].TrimEnd(' ', ',');
                    changed = true;
                }
            }
        }
        while (changed);

        return name;
    }

    private static bool LooksLikePerson(string name)
    {
        if (name.Length is < 4 or > 60 || UnsafeCharacters().IsMatch(name) || name.Contains(" - ", StringComparison.Ordinal))
        {
            return false;
        }

        var words = name.Split(' ');
        if (words.Length is < 2 or > 5)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (NonNameWords.Contains(word))
            {
                return false;
            }

            if (!char.IsUpper(word[0]) && !NameParticles.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    // Digits, URL and markup characters, list punctuation: none occur in a person's name.
    [GeneratedRegex(@"[0-9/\\:@\[\]()""“”,;!?=+<>|#*_]|www\.", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeCharacters();
}
