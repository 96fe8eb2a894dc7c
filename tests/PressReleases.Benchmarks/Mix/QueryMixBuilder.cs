using System.Text.Json;
using Lucene.Net.Analysis.Core;
using PressReleases.Benchmarks.Setup;
using PressReleases.Core.Ingestion;

namespace PressReleases.Benchmarks.Mix;

/// <summary>
/// The query mix: the hand-written judged queries of the search-quality set (real questions, as typed), then 200 queries
/// derived from real releases, the same every time. For the k-th derived query (k = 0..199) the release is
/// the k-th of the corpus sample taken every (files / 200)th file from half that stride (ordinal path order;
/// every 275th from position 137 on the real corpus, so a corpus of any size is sampled end to end), and:
/// <list type="bullet">
/// <item>its words are 1 + (k mod 3) content words of the release's title (letters and digits, three or more
/// characters, not an English stop word nor one of <see cref="Boilerplate"/>): the longest ones, kept in title
/// order, as people type the distinctive words they remember;</item>
/// <item>k mod 10 = 0 or 5 adds the release's first minister as a filter, 3 its first portfolio, 7 a date range
/// over the release's year; 9 quotes the first two adjacent content words of the title as a phrase instead;</item>
/// <item>k mod 25 = 24 has no words at all: the release's first minister and year (browsing, newest first).</item>
/// </list>
/// A title with no content word gives a query with no words and the release's year.
/// </summary>
public static class QueryMixBuilder
{
    public const int DerivedCount = 200;

    /// <summary>Words in so many titles that nobody searches for them alone.</summary>
    private static readonly HashSet<string> Boilerplate = new(StringComparer.OrdinalIgnoreCase)
    {
        "minister", "government", "new", "zealand", "says", "announces", "announced", "welcomes", "hon",
    };

    private static readonly HashSet<string> StopWords = new(
        StopAnalyzer.ENGLISH_STOP_WORDS_SET.Select(w => w.ToString() ?? ""), StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<MixQuery> Build(string corpus, string judgedQueriesFile)
    {
        var mix = new List<MixQuery>();
        mix.AddRange(Judged(judgedQueriesFile));
        var stride = Math.Max(1, ReleaseFiles.Enumerate(corpus).Count / DerivedCount);
        var sample = CorpusSample.Take(corpus, DerivedCount, stride, stride / 2);
        for (var k = 0; k < sample.Count; k++)
        {
            mix.Add(Derive(k, sample[k].Parsed));
        }

        return mix;
    }

    private static IEnumerable<MixQuery> Judged(string file)
    {
        if (!File.Exists(file))
        {
            throw new Setup.BenchSetupException($"The judged queries were not found at '{file}'.");
        }

        // Only the hand-written queries: the mix stays the one docs/performance.md measured, whatever the generated
        // part of the set becomes (the quality verb runs all of them).
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        return json.RootElement.GetProperty("queries").EnumerateArray()
            .Where(q => !(q.TryGetProperty("source", out var source) && source.GetString() == "generated"))
            .Select(q => new MixQuery("judged " + q.GetProperty("id").GetString(), q.GetProperty("query").GetString(), [], [], null, null))
            .ToList();
    }

    private static MixQuery Derive(int k, ParsedRelease release)
    {
        var source = $"derived {k:D3}";
        var words = ContentWords(release.Title);
        IReadOnlyList<string> firstMinister = release.Ministers.Count > 0 ? [release.Ministers[0].Slug] : [];
        IReadOnlyList<string> firstPortfolio = release.Portfolios.Count > 0 ? [release.Portfolios[0].Slug] : [];
        DateOnly? yearStart = release.Date is { } d ? new DateOnly(d.Year, 1, 1) : null;
        DateOnly? yearEnd = release.Date is { } e ? new DateOnly(e.Year, 12, 31) : null;

        if (k % 25 == 24 || words.Count == 0)
        {
            return new MixQuery(source, null, words.Count == 0 ? [] : firstMinister, [], yearStart, yearEnd);
        }

        var text = string.Join(' ', Longest(words, 1 + (k % 3)));
        return (k % 10) switch
        {
            0 or 5 => new MixQuery(source, text, firstMinister, [], null, null),
            3 => new MixQuery(source, text, [], firstPortfolio, null, null),
            7 => new MixQuery(source, text, [], [], yearStart, yearEnd),
            9 => new MixQuery(source, AdjacentPair(release.Title) is { } pair ? $"\"{pair}\"" : text, [], [], null, null),
            _ => new MixQuery(source, text, [], [], null, null),
        };
    }

    /// <summary>Runs of letters and digits ("Māori", "2050"); everything else separates words.</summary>
    private static List<string> Tokens(string title)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= title.Length; i++)
        {
            var inWord = i < title.Length && char.IsLetterOrDigit(title[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(title[start..i]);
                start = -1;
            }
        }

        return tokens;
    }

    private static bool IsContent(string word) => word.Length >= 3 && !StopWords.Contains(word) && !Boilerplate.Contains(word);

    private static List<string> ContentWords(string title) => Tokens(title).Where(IsContent).ToList();

    /// <summary>The <paramref name="count"/> longest words (the earlier of equal ones), in their original order.</summary>
    private static IEnumerable<string> Longest(List<string> words, int count) =>
        words.Select((w, i) => (Word: w, Index: i))
            .OrderByDescending(x => x.Word.Length)
            .ThenBy(x => x.Index)
            .Take(count)
            .OrderBy(x => x.Index)
            .Select(x => x.Word);

    private static string? AdjacentPair(string title)
    {
        var tokens = Tokens(title);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (IsContent(tokens[i]) && IsContent(tokens[i + 1]))
            {
                return $"{tokens[i]} {tokens[i + 1]}";
            }
        }

        return null;
    }
}
