using System.Text.RegularExpressions;
using PressReleases.Core.Releases;

namespace PressReleases.CorpusGenerator.Judged;

/// <summary>A word as written in a title or body, with the analyzer's terms for it.</summary>
public sealed record SourceWord(string Text, IReadOnlyList<string> Terms)
{
    public string Lower => Text.ToLowerInvariant();

    public bool IsLettersOnly => Text.All(char.IsLetter);
}

/// <summary>How queries are cut from a release's words: which title words carry content, and small random choices.</summary>
public static partial class QueryText
{
    /// <summary>
    /// Title words nobody types to find one release among thousands: they are in a large share of all titles
    /// ("Minister", "Government", "New Zealand") or are the speaker's verb ("says").
    /// </summary>
    private static readonly HashSet<string> Boilerplate = new(StringComparer.OrdinalIgnoreCase)
    {
        "minister", "ministers", "government", "govt", "new", "zealand", "nz", "hon", "says", "said",
    };

    /// <summary>
    /// Words that carry no topic but are not in the analyzer's (short) stop list, so the engine still requires them:
    /// a person remembering a release does not type them on their own, nor start or end a quotation with them.
    /// </summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "above", "across", "after", "again", "against", "all", "along", "also", "am", "among", "any", "around", "back",
        "been", "before", "being", "below", "between", "both", "can", "could", "did", "do", "does", "doing", "down", "during",
        "each", "even", "ever", "every", "from", "further", "get", "gets", "getting", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "i", "its", "just", "last", "less", "like", "made", "make", "makes", "many",
        "may", "me", "more", "most", "much", "must", "my", "next", "now", "off", "once", "one", "only", "other", "our", "ours",
        "out", "over", "own", "per", "same", "she", "should", "since", "so", "some", "still", "than", "them", "those",
        "though", "through", "thus", "too", "towards", "under", "until", "up", "upon", "us", "very", "via", "we", "well",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "within", "without",
        "would", "yet", "you", "your", "despite", "way", "take", "takes", "taking", "two", "three", "first", "second",
    };

    /// <summary>The title's words (letters, with inner apostrophes and hyphens), in order; numbers are left out.</summary>
    public static IReadOnlyList<SourceWord> TitleWords(JudgedRelease release, Analysis analysis) =>
        Tokens.Split(release.Title).Where(t => !t.IsNumber).Select(t => new SourceWord(t.Token, analysis.Terms(t.Token))).ToList();

    /// <summary>
    /// A title word worth typing: it has an analyzer term (not a stop word), three or more letters, no digits, and is
    /// not boilerplate.
    /// </summary>
    public static bool IsContent(SourceWord word) =>
        IsTopicWord(word.Text) && word.Terms.Count > 0 && word.Text.Count(char.IsLetter) >= 3 && !Boilerplate.Contains(word.Text) && !word.Text.Any(char.IsDigit);

    /// <summary>A word that says something about the topic: not a function word (the analyzer may still drop it as a stop word).</summary>
    public static bool IsTopicWord(string word) => !FunctionWords.Contains(word);

    /// <summary>
    /// The <paramref name="count"/> words fewest releases use (a word's rarest term counts), kept in their order: what
    /// a person remembers of a title is its distinctive words, not "support" or "plan".
    /// </summary>
    public static List<SourceWord> Rarest(IReadOnlyList<SourceWord> words, int count, JudgedCorpus corpus) =>
        words.Select((w, i) => (Word: w, Index: i, Frequency: w.Terms.Min(t => corpus.TermFrequency.GetValueOrDefault(t))))
            .OrderBy(x => x.Frequency).ThenBy(x => x.Index)
            .Take(count)
            .OrderBy(x => x.Index)
            .Select(x => x.Word)
            .ToList();

    public static IReadOnlyList<SourceWord> ContentWords(JudgedRelease release, Analysis analysis) =>
        DistinctByTerms(TitleWords(release, analysis).Where(IsContent)).ToList();

    /// <summary>A word repeated in a title ("Safer roads, safer communities") is typed once.</summary>
    public static IEnumerable<SourceWord> DistinctByTerms(IEnumerable<SourceWord> words)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return words.Where(w => seen.Add(string.Join(' ', w.Terms)));
    }

    public static IReadOnlyList<string> TermsOf(IEnumerable<SourceWord> words) => words.SelectMany(w => w.Terms).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Lower-cased, as people type; the analyzer ignores case anyway.</summary>
    public static string Typed(IEnumerable<SourceWord> words) => string.Join(' ', words.Select(w => w.Lower));

    /// <summary>Diacritics removed (ā → a), as a person without a macron key types.</summary>
    public static string WithoutMacrons(string text) => TextFolding.FoldToAscii(text);

    public static bool HasMacron(string text) => Macron().IsMatch(text);

    public static T Pick<T>(IReadOnlyList<T> items, ref SplitMix64 random) => items[random.Next(items.Count)];

    public static void Shuffle<T>(IList<T> list, ref SplitMix64 random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>A number in [min, max].</summary>
    public static int Between(int min, int max, ref SplitMix64 random) => min + random.Next(max - min + 1);

    [GeneratedRegex("[āēīōūĀĒĪŌŪ]")]
    private static partial Regex Macron();
}
