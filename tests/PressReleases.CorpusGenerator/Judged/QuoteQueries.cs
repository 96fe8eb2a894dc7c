using System.Text.RegularExpressions;

namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// Quoted phrases: 3–5 consecutive words of a release's body, sometimes followed by a word of its title. The answers
/// are every release whose title or body holds the phrase, decided on the analyzer's token sequence (the same stemmed
/// terms in the same order, with the same gaps where stop words were), which is how the engine matches a phrase.
/// </summary>
public sealed partial class QuoteQueries(JudgedCorpus corpus)
{
    /// <summary>A phrase must be in 1 to this many releases, so every answer fits on the first page.</summary>
    public const int MostAnswers = 5;

    /// <summary>Phrases whose words are all in more releases than this are not checked: they are seldom rare enough.</summary>
    private const int MostCandidates = 3_000;

    private const int Attempts = 8;

    private const double RareShare = 0.02;

    private readonly Analysis analysis = corpus.Analysis;
    private readonly HashSet<int> eligible = corpus.Eligible.Select(r => r.Index).ToHashSet();

    public GeneratedQuery? Quote(JudgedRelease release, ref SplitMix64 random)
    {
        // A quotation of the minister's in the first paragraphs when there is one: that is what people remember word for word.
        var paragraphs = release.Body.Split('\n').Where(l => l.Any(char.IsLetter)).Take(8).ToList();
        var passages = paragraphs.SelectMany(p => Quotation().Matches(p).Select(m => m.Groups[1].Value)).Where(q => q.Length > 20).ToList();
        if (passages.Count == 0)
        {
            passages = paragraphs;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var phrase = Window(QueryText.Pick(passages, ref random), QueryText.Between(3, 5, ref random), ref random);
            if (phrase is null)
            {
                continue;
            }

            var pattern = Pattern(phrase);
            var holders = Holders(pattern);
            if (holders is null || !holders.Contains(release) || holders.Count > MostAnswers || !holders.All(r => eligible.Contains(r.Index)))
            {
                continue;
            }

            var how = $"{phrase.Split(' ').Length} consecutive body words";
            var query = $"\"{phrase}\"";
            if (random.Next(2) == 0)
            {
                var phraseTerms = pattern.Select(p => p.Term).ToHashSet(StringComparer.Ordinal);
                var extras = QueryText.ContentWords(release, analysis).Where(w => !w.Terms.Any(phraseTerms.Contains)).ToList();
                if (extras.Count > 0)
                {
                    var extra = QueryText.Pick(extras, ref random);
                    holders = holders.Where(r => r.Contains(extra.Terms)).ToList();
                    query += " " + extra.Lower;
                    how += $" and the title word '{extra.Lower}'";
                }
            }

            var answers = holders.OrderBy(r => r != release).ThenBy(r => r.Index).Select(r => r.Slug).ToList();
            return new GeneratedQuery("quote", query, release, answers, $"{release.Describe()}: {how}; {answers.Count} release(s) hold it all (phrase matched on analyzed terms and stop-word gaps, in title or body)");
        }

        return null;
    }

    /// <summary>
    /// <paramref name="length"/> neighbouring words of a passage with only spaces between them (no punctuation inside),
    /// the first and last neither stop words nor function words, one of them rare; null when a random start gives none.
    /// </summary>
    private string? Window(string passage, int length, ref SplitMix64 random)
    {
        var words = PhraseWord().Matches(passage).ToList();
        if (words.Count < length)
        {
            return null;
        }

        var start = random.Next(words.Count - length + 1);
        var window = words.GetRange(start, length);
        for (var i = 1; i < window.Count; i++)
        {
            var gap = passage[(window[i - 1].Index + window[i - 1].Length)..window[i].Index];
            if (gap != " ")
            {
                return null;
            }
        }

        if (window.Any(w => w.Value.Any(char.IsDigit)) || !IsTopicWord(window[0].Value) || !IsTopicWord(window[^1].Value))
        {
            return null;
        }

        // One word of the phrase must be rare enough (in under 2% of releases) for a person to single it out.
        if (!window.Any(w => analysis.Terms(w.Value) is [var term] && corpus.DocumentShare(term) < RareShare))
        {
            return null;
        }

        return passage[window[0].Index..(window[^1].Index + window[^1].Length)];
    }

    private bool IsTopicWord(string word) => analysis.Terms(word).Count > 0 && QueryText.IsTopicWord(word);

    /// <summary>The phrase's terms with positions counted from its first term.</summary>
    private List<(string Term, int Position)> Pattern(string phrase)
    {
        var positions = analysis.Positions(phrase);
        return positions.Select(p => (p.Term, p.Position - positions[0].Position)).ToList();
    }

    /// <summary>Every release whose title or body holds the pattern; null when too many hold all its terms to check.</summary>
    private List<JudgedRelease>? Holders(List<(string Term, int Position)> pattern)
    {
        var candidates = corpus.ReleasesWithAll(pattern.Select(p => p.Term).Distinct(StringComparer.Ordinal).ToList()).Take(MostCandidates + 1).ToList();
        if (candidates.Count > MostCandidates)
        {
            return null;
        }

        return candidates.Where(r => Holds(analysis.Positions(r.Title), pattern) || Holds(analysis.Positions(r.Body), pattern)).ToList();
    }

    private static bool Holds(IReadOnlyList<(string Term, int Position)> text, List<(string Term, int Position)> pattern)
    {
        for (var i = 0; i + pattern.Count <= text.Count; i++)
        {
            var matched = true;
            for (var j = 0; j < pattern.Count && matched; j++)
            {
                matched = text[i + j].Term == pattern[j].Term && text[i + j].Position - text[i].Position == pattern[j].Position;
            }

            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words inside “…” or "…".</summary>
    [GeneratedRegex("[“\"]([^”\"]+)[”\"]")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}\p{M}]+)*")]
    private static partial Regex PhraseWord();
}
