using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Querying;

namespace PressReleases.Core.Search.Suggestions;

/// <summary>
/// "Did you mean": corrects misspelled words of a query from the index's own vocabulary, the unstemmed
/// <see cref="IndexFields.Words"/> field (title and body, lower case, diacritics folded).
/// <list type="bullet">
/// <item>Names first: a run of two to four adjacent words that is within a few edits of a minister's or a
/// portfolio's name, word by word, becomes that name (<c>jacinda arden</c> → <c>jacinda ardern</c>).</item>
/// <item>Then single words: a word no release contains, or a rare one (in fewer than <see cref="RareDocFreq"/>
/// releases) next to a word <see cref="FrequencyRatio"/> times as frequent, becomes the nearest, most
/// frequent word within one edit (words of up to four letters) or two edits.</item>
/// </list>
/// Only the query's own words are looked up (the fuzzy candidates come from an automaton intersected with
/// the term dictionary, never a scan of it), and the suggestion is the user's text with just those words
/// replaced, so quotes, filters and the rest of the syntax stay as typed.
/// </summary>
public sealed class SpellingSuggester(ReleaseAnalyzer analyzer)
{
    /// <summary>A word in fewer releases than this may be a misspelling of a much more frequent one.</summary>
    public const int RareDocFreq = 5;

    /// <summary>How many times more frequent a candidate must be than a rare (but existing) word to replace it.</summary>
    public const int FrequencyRatio = 20;

    /// <summary>Fuzzy candidates examined per word.</summary>
    public const int MaxCandidatesPerWord = 256;

    /// <summary>Words of a query looked up at most.</summary>
    public const int MaxWords = 64;

    private const int MinWordLength = 3;
    private const int MaxNameWords = 4;
    private const int MaxNameEdits = 3;

    /// <summary>Name word lists per names dictionary; entries go when the catalog drops its dictionaries.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, string>, NameList> NameLists = new();

    /// <summary>The query with misspelled words replaced, or null when nothing needs correcting.</summary>
    public string? Suggest(
        string? input,
        IndexReader reader,
        IReadOnlyDictionary<string, string> ministers,
        IReadOnlyDictionary<string, string> portfolios)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var read = input.Length > UserQueryParser.MaxQueryLength ? input[..UserQueryParser.MaxQueryLength] : input;
        var words = WordsOf(read);
        if (words.Count == 0)
        {
            return null;
        }

        var terms = MultiFields.GetTerms(reader, IndexFields.Words);
        if (terms is null)
        {
            return null;
        }

        var docFreqs = new Dictionary<string, int>(StringComparer.Ordinal);
        int DocFreq(string term)
        {
            if (!docFreqs.TryGetValue(term, out var df))
            {
                df = reader.DocFreq(new Term(IndexFields.Words, term));
                docFreqs[term] = df;
            }

            return df;
        }

        var replacements = new string?[words.Count];
        string Stem(string word) => analyzer.Terms(IndexFields.Body, word) is [var stem] ? stem : word;
        CorrectNames(read, words, replacements, DocFreq, Stem, NameLists.GetValue(ministers, BuildNames), NameLists.GetValue(portfolios, BuildNames));

        for (var i = 0; i < words.Count; i++)
        {
            if (replacements[i] is null && words[i].Correctable)
            {
                var word = words[i].Term;
                var docFreq = DocFreq(word);

                // A rare form of a common stem ("hipkin" for "hipkins") finds what the user meant already.
                if (docFreq < RareDocFreq && reader.DocFreq(new Term(IndexFields.Body, Stem(word))) < RareDocFreq)
                {
                    replacements[i] = CorrectWord(terms, word, docFreq, Stem);
                }
            }
        }

        var builder = new StringBuilder(input);
        var changed = false;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            if (replacements[i] is { } replacement && replacement != words[i].Term)
            {
                var original = input.Substring(words[i].Start, words[i].Length);
                builder.Remove(words[i].Start, words[i].Length).Insert(words[i].Start, MatchCase(original, replacement));
                changed = true;
            }
        }

        return changed ? builder.ToString() : null;
    }

    /// <summary>A word of the query: its term in the words field and where it stands in the query text.</summary>
    private sealed record QueryWord(string Term, int Start, int Length, bool Correctable);

    /// <summary>The words of the positive word and phrase clauses (field filters, prefixes and exclusions are left alone).</summary>
    private List<QueryWord> WordsOf(string input)
    {
        var words = new List<QueryWord>();
        var read = QueryTokenizer.Read(input, UserQueryParser.MaxClauses);
        var clauses = read.Groups.SelectMany(g => g)
            .Where(c => c is { Kind: ClauseKind.Word or ClauseKind.Phrase, Negated: false, Start: >= 0 })
            .OrderBy(c => c.Start);
        foreach (var clause in clauses)
        {
            using var stream = analyzer.GetTokenStream(IndexFields.Words, input.Substring(clause.Start, clause.Length));
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken() && words.Count < MaxWords)
            {
                var text = term.ToString();
                var start = clause.Start + offset.StartOffset;
                var length = offset.EndOffset - offset.StartOffset;
                var original = input.AsSpan(start, length);
                var correctable = text.Length >= MinWordLength
                                  && text.All(c => c is >= 'a' and <= 'z')
                                  && !original.ContainsAny('\'', '’');
                words.Add(new QueryWord(text, start, length, correctable));
            }

            stream.End();
        }

        return words;
    }

    /// <summary>Marks runs of adjacent words that are a slightly misspelled minister or portfolio name.</summary>
    private static void CorrectNames(string input, List<QueryWord> words, string?[] replacements, Func<string, int> docFreq, Func<string, string> stem, params NameList[] lists)
    {
        for (var i = 0; i < words.Count; i++)
        {
            for (var length = Math.Min(MaxNameWords, words.Count - i); length >= 2; length--)
            {
                if (!Adjacent(input, words, i, length))
                {
                    continue;
                }

                var run = words.GetRange(i, length);
                string[]? best = null;
                var bestEdits = int.MaxValue;
                foreach (var list in lists)
                {
                    foreach (var name in list.ByWordCount(length))
                    {
                        var edits = NameEdits(run, name, docFreq, stem);
                        if (edits > 0 && (edits < bestEdits || (edits == bestEdits && string.CompareOrdinal(string.Join(' ', name), string.Join(' ', best!)) < 0)))
                        {
                            (best, bestEdits) = (name, edits);
                        }
                    }
                }

                if (best is not null)
                {
                    for (var j = 0; j < length; j++)
                    {
                        replacements[i + j] = best[j];
                    }

                    i += length - 1;
                    break;
                }
            }
        }
    }

    /// <summary>Only spaces and quotes between the words: they were typed as one run.</summary>
    private static bool Adjacent(string input, List<QueryWord> words, int start, int length)
    {
        for (var j = start + 1; j < start + length; j++)
        {
            var gapStart = words[j - 1].Start + words[j - 1].Length;
            for (var k = gapStart; k < words[j].Start; k++)
            {
                if (!char.IsWhiteSpace(input[k]) && input[k] != '"')
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Total edits from the run to the name, or 0 when it is not a correction: every word must be within
    /// its edit limit, at least one must differ, and each differing word must be correctable and missing
    /// from the index or far rarer than the name's word. A word that only differs in its ending (the same
    /// stem: "affair" and "affairs") is not a misspelling.
    /// </summary>
    private static int NameEdits(List<QueryWord> run, string[] name, Func<string, int> docFreq, Func<string, string> stem)
    {
        var total = 0;
        for (var j = 0; j < name.Length; j++)
        {
            var word = run[j].Term;
            if (word == name[j])
            {
                continue;
            }

            if (!run[j].Correctable || Math.Abs(word.Length - name[j].Length) > NameWordEdits(name[j].Length))
            {
                return 0;
            }

            var limit = NameWordEdits(name[j].Length);
            if (FewestEdits(word, name[j]) > limit)
            {
                return 0;
            }

            var edits = EditDistance(word, name[j], limit);
            total += edits;
            if (edits > limit || total > MaxNameEdits || stem(word) == stem(name[j]))
            {
                return 0;
            }
        }

        if (total == 0)
        {
            return 0;
        }

        for (var j = 0; j < name.Length; j++)
        {
            if (run[j].Term != name[j])
            {
                var df = docFreq(run[j].Term);
                if (df > 0 && (long)df * FrequencyRatio > docFreq(name[j]))
                {
                    return 0;
                }
            }
        }

        return total;
    }

    private static int NameWordEdits(int length) => length <= 4 ? 1 : 2;

    /// <summary>
    /// A lower bound on the edits between two words, from the letters each uses: an insertion or deletion
    /// changes the set of letters by at most one, a substitution by at most two, a swap not at all. Every
    /// word of a query is checked against hundreds of name words; this rules out nearly all of them for the
    /// price of two passes over short strings, before the edit distance is worked out for the rest.
    /// </summary>
    internal static int FewestEdits(string a, string b) => (BitOperations.PopCount(LetterSet(a) ^ LetterSet(b)) + 1) / 2;

    /// <summary>One bit per letter a–z used, one more for anything else.</summary>
    private static uint LetterSet(string word)
    {
        var set = 0u;
        foreach (var c in word)
        {
            set |= c is >= 'a' and <= 'z' ? 1u << (c - 'a') : 1u << 26;
        }

        return set;
    }

    /// <summary>The replacement for one word, or null to keep it.</summary>
    /// <remarks>
    /// The nearest candidate wins, then the most frequent: a frequent word two edits away ("order" for
    /// "arden") must not beat the obvious one-edit correction. So one edit is tried first (its automaton is
    /// much cheaper), and two edits only when that finds nothing. A candidate with the word's own stem
    /// ("hipkin", "hipkins") finds the same releases, so it is no correction.
    /// </remarks>
    private static string? CorrectWord(Terms terms, string word, int docFreq, Func<string, string> stem)
    {
        var maxEdits = word.Length <= 4 ? 1 : 2;
        for (var edits = 1; edits <= maxEdits; edits++)
        {
            if (BestCandidate(terms, word, docFreq, edits, stem) is { } best)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>The most frequent qualifying term exactly <paramref name="edits"/> edits from the word (ties: ordinal).</summary>
    private static string? BestCandidate(Terms terms, string word, int docFreq, int edits, Func<string, string> stem)
    {
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexFields.Words, word), edits, prefixLength: edits, transpositions: true);
        string? best = null;
        var bestFreq = 0;
        var examined = 0;
        while (examined++ < MaxCandidatesPerWord && fuzzy.MoveNext())
        {
            var text = fuzzy.Term.Utf8ToString();
            if (text == word || !text.All(c => c is >= 'a' and <= 'z'))
            {
                continue;
            }

            var freq = fuzzy.DocFreq;
            if ((docFreq > 0 && (long)freq < (long)docFreq * FrequencyRatio)
                || (freq < bestFreq || (freq == bestFreq && best is not null && string.CompareOrdinal(text, best) > 0))
                || EditDistance(word, text, edits) != edits
                || stem(text) == stem(word))
            {
                continue;
            }

            (best, bestFreq) = (text, freq);
        }

        return best;
    }

    /// <summary>Edit distance with adjacent transpositions counted as one edit; anything above <paramref name="limit"/> may be reported as limit + 1.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        // Three rows (two back, one back, current) in one block, on the stack for words of normal length: this
        // runs for every candidate of every did-you-mean check, on every search.
        var width = b.Length + 1;
        Span<int> rows = width <= MaxStackRowWidth ? stackalloc int[3 * MaxStackRowWidth] : new int[3 * width];
        int previous2 = 0, previous = width, current = 2 * width;
        for (var j = 0; j <= b.Length; j++)
        {
            rows[previous + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[previous2 + j - 2] + 1);
                }

                rows[current + j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return rows[previous + b.Length];
    }

    private const int MaxStackRowWidth = 64;

    /// <summary>The replacement written the way the user wrote the word: all capitals, a capital first, or lower case.</summary>
    private static string MatchCase(string original, string replacement)
    {
        var letters = original.Where(char.IsLetter).ToList();
        if (letters.Count > 1 && letters.TrueForAll(char.IsUpper))
        {
            return replacement.ToUpperInvariant();
        }

        if (letters.Count > 0 && char.IsUpper(letters[0]))
        {
            return char.ToUpperInvariant(replacement[0]) + replacement[1..];
        }

        return replacement;
    }

    private NameList BuildNames(IReadOnlyDictionary<string, string> names)
    {
        var byCount = new Dictionary<int, List<string[]>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Values)
        {
            var words = analyzer.Terms(IndexFields.Words, name).ToArray();
            if (words.Length is < 2 or > MaxNameWords || !seen.Add(string.Join(' ', words)))
            {
                continue;
            }

            if (!byCount.TryGetValue(words.Length, out var list))
            {
                byCount[words.Length] = list = [];
            }

            list.Add(words);
        }

        return new NameList(byCount);
    }

    /// <summary>Names as analyzed words, grouped by how many words they have.</summary>
    private sealed class NameList(Dictionary<int, List<string[]>> byCount)
    {
        public IReadOnlyList<string[]> ByWordCount(int count) => byCount.TryGetValue(count, out var list) ? list : [];
    }
}
