using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PressReleases.Core.Releases;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search.Querying;

/// <summary>
/// Finds the runs of plain words in a query that name a minister or a year: a minister's full name
/// ("jacinda ardern", any letter case, macrons or not); a minister's surname alone when no other minister
/// has it and it is mostly their name rather than a word ("ardern" yes; "key" and "little", which many other
/// releases use as words, no: see <see cref="MinNameShare"/>); a four-digit year from <see cref="FirstYear"/>
/// to <see cref="LastYear"/>.
/// </summary>
internal sealed class NameAndYearWords(IReadOnlyDictionary<string, string> ministers, IndexSearcher? searcher)
{
    public const int FirstYear = 1990;
    public const int LastYear = 2099;

    /// <summary>
    /// Of the releases whose text has a surname, the share that are that minister's own for the surname alone to
    /// name them. Ministers' releases almost always carry their name, so a surname that is mostly a name scores
    /// well above this, and one that is also an everyday word ("key", "power", "little") far below it.
    /// </summary>
    public const double MinNameShare = 0.3;

    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, bool>> SharesByReader = new();

    /// <summary>Surnames that belong to exactly one minister, with that minister's slug.</summary>
    private readonly Lazy<Dictionary<string, string>> uniqueSurnames = new(() => ministers.Keys
        .GroupBy(slug => slug[(slug.LastIndexOf('-') + 1)..], StringComparer.Ordinal)
        .Where(g => g.Count() == 1)
        .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal));

    /// <summary>For each run found: the first group it covers, how many groups, and what it names.</summary>
    public List<(int First, int Count, QueryReading Reading)> Find(List<List<QueryClause>> groups, string input)
    {
        var found = new List<(int, int, QueryReading)>();
        for (var i = 0; i < groups.Count; i++)
        {
            if (!IsPlainWord(groups[i]))
            {
                continue;
            }

            var run = Enumerable.Range(i, Math.Min(3, groups.Count - i)).TakeWhile(j => IsPlainWord(groups[j])).Count();
            if (FullName(groups, i, run, input) is { } name)
            {
                found.Add((i, name.Count, name.Reading));
                i += name.Count - 1;
            }
            else if (Single(groups[i][0], input) is { } single)
            {
                found.Add((i, 1, single));
            }
        }

        return found;
    }

    private static bool IsPlainWord(List<QueryClause> group) => group is [{ Kind: ClauseKind.Word, Negated: false, TitleOnly: false }];

    /// <summary>The longest run of two or three words starting at <paramref name="first"/> that is a minister's whole name.</summary>
    private (int Count, QueryReading Reading)? FullName(List<List<QueryClause>> groups, int first, int run, string input)
    {
        for (var count = run; count >= 2; count--)
        {
            var slug = Slugs.From(string.Join(' ', groups.Skip(first).Take(count).Select(g => g[0].Text)));
            if (ministers.TryGetValue(slug, out var name))
            {
                var (start, end) = (groups[first][0].Start, groups[first + count - 1][0].Start + groups[first + count - 1][0].Length);
                return (count, QueryReading.Of(input, start, end, slug, name, null));
            }
        }

        return null;
    }

    private QueryReading? Single(QueryClause clause, string input)
    {
        var text = clause.Text;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear)
        {
            return QueryReading.Of(input, clause.Start, clause.Start + clause.Length, null, null, year);
        }

        var word = Slugs.From(text);
        if (word.Length < 3 || word.Contains('-', StringComparison.Ordinal) || !uniqueSurnames.Value.TryGetValue(word, out var slug) || !IsMostlyTheirName(word, slug))
        {
            return null;
        }

        return QueryReading.Of(input, clause.Start, clause.Start + clause.Length, slug, ministers[slug], null);
    }

    /// <summary>Whether enough of the releases whose text has <paramref name="word"/> are the minister's own (<see cref="MinNameShare"/>), worked out once per index snapshot.</summary>
    private bool IsMostlyTheirName(string word, string slug)
    {
        if (searcher is null)
        {
            return false;
        }

        var shares = SharesByReader.GetValue(searcher.IndexReader, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        return shares.GetOrAdd(word, _ =>
        {
            var withWord = searcher.IndexReader.DocFreq(new Term(IndexFields.Words, word));
            if (withWord == 0)
            {
                return false;
            }

            var own = new TotalHitCountCollector();
            searcher.Search(
                new BooleanQuery { { new TermQuery(new Term(IndexFields.Words, word)), Occur.MUST }, { new TermQuery(new Term(IndexFields.Minister, slug)), Occur.MUST } },
                own);
            return own.TotalHits >= MinNameShare * withWord;
        });
    }
}
