using System.Text.RegularExpressions;

namespace PressReleases.CorpusGenerator.Judged;

/// <summary>A name in a release's body as written ("Waikato River"), and the paragraph it is first in.</summary>
public sealed record ProperName(IReadOnlyList<string> Words, int Paragraph)
{
    public string Text => string.Join(' ', Words);
}

/// <summary>
/// Finds the names a reader would remember from a body: places, organisations, programmes, people. A word counts as
/// a name when the body writes it capitalised in the middle of a sentence and never in lower case, so ordinary words
/// capitalised at a sentence's start, in a heading or in a quotation do not. Neighbouring name words make one name
/// (joined by "of" too: "Bay of Plenty"); titles and roles in front ("Sir", "Mayor", "Professor") are left off.
/// </summary>
public static partial class ProperNames
{
    private static readonly HashSet<string> LeadingRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "sir", "dame", "dr", "mr", "mrs", "ms", "miss", "hon", "rt", "professor", "prof", "minister", "associate", "deputy",
        "prime", "mayor", "chief", "judge", "justice", "governor", "general", "president", "chair", "chairman",
        "chairperson", "chairwoman", "ambassador", "commissioner", "director", "secretary", "councillor", "senator",
        "his", "her", "excellency", "the", "captain", "colonel", "major", "lieutenant", "reverend", "rev", "bishop", "king", "queen", "prince", "princess",
    };

    private const string Joiner = "of";

    /// <summary>The names of the first <paramref name="paragraphs"/> paragraphs, in order of first appearance, each once.</summary>
    public static IReadOnlyList<ProperName> Find(string body, int paragraphs)
    {
        var lines = body.Split('\n').Where(l => l.Any(char.IsLetter)).ToList();
        var (lowerCase, capitalisedInside) = Usage(lines);
        bool IsName(string word) => char.IsUpper(word[0]) && !lowerCase.Contains(word.ToLowerInvariant()) && capitalisedInside.Contains(word);

        var names = new List<ProperName>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < Math.Min(paragraphs, lines.Count); p++)
        {
            var run = new List<string>();
            foreach (var (word, joined) in WordsOf(lines[p]))
            {
                var continues = joined && run.Count > 0;
                if (IsName(word) || (word == Joiner && continues))
                {
                    if (!continues)
                    {
                        Close(run, p, names, seen);
                    }

                    run.Add(word);
                }
                else
                {
                    Close(run, p, names, seen);
                }
            }

            Close(run, p, names, seen);
        }

        return names;
    }

    private static void Close(List<string> run, int paragraph, List<ProperName> names, HashSet<string> seen)
    {
        var start = 0;
        while (start < run.Count && (LeadingRoles.Contains(run[start]) || run[start] == Joiner))
        {
            start++;
        }

        var end = run.Count;
        while (end > start && run[end - 1] == Joiner)
        {
            end--;
        }

        if (end > start)
        {
            // "Pharmac's board": the name is "Pharmac".
            var words = run[start..end];
            words[^1] = Possessive().Replace(words[^1], "");
            var name = new ProperName(words, paragraph);
            if (seen.Add(name.Text))
            {
                names.Add(name);
            }
        }

        run.Clear();
    }

    /// <summary>Which words the body uses in lower case, and which capitalised words it uses inside a sentence.</summary>
    private static (HashSet<string> LowerCase, HashSet<string> CapitalisedInside) Usage(List<string> lines)
    {
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var inside = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (var (word, joined) in WordsOf(line))
            {
                if (char.IsLower(word[0]))
                {
                    lower.Add(word.ToLowerInvariant());
                }
                else if (joined)
                {
                    inside.Add(word);
                }
            }
        }

        return (lower, inside);
    }

    /// <summary>
    /// The words of a line, each with whether only spaces separate it from the word before: after any punctuation
    /// (a full stop, a quotation mark, a bracket, a dash) the word may start a sentence or a quotation.
    /// </summary>
    private static IEnumerable<(string Word, bool Joined)> WordsOf(string line)
    {
        var previousEnd = -1;
        foreach (Match match in Word().Matches(line))
        {
            var joined = previousEnd >= 0 && line.AsSpan(previousEnd, match.Index - previousEnd).Trim(' ').IsEmpty;
            previousEnd = match.Index + match.Length;
            if (match.Value.Any(char.IsDigit))
            {
                // A number breaks a name ("Budget 2019 funding"): the next word is not joined to the one before.
                previousEnd = -1;
                continue;
            }

            yield return (match.Value, joined);
        }
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['’-][\p{L}\p{M}\p{Nd}]+)*")]
    private static partial Regex Word();

    [GeneratedRegex("['’]s$")]
    private static partial Regex Possessive();
}
