using PressReleases.Core.Releases;

namespace PressReleases.CorpusGenerator;

/// <summary>
/// The `queries` verb: a fixed list of distinct, realistic queries for load tests, all taken from the
/// real corpus' titles and names. Kinds, in fixed shares: two adjacent title words ("housing
/// affordability"), a minister's surname with a word of one of their titles ("ardern wellbeing"), one
/// title word, a portfolio name, a minister's name. Each kind is sorted, shuffled with a fixed seed and
/// cut, so the same corpus always gives the same file.
/// </summary>
public static class QueryListBuilder
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "into", "over", "under", "about", "after", "before", "that", "this", "these", "those",
        "new", "zealand", "zealand's", "minister", "government", "govt", "hon", "are", "was", "were", "will", "has", "have", "had", "its",
        "his", "her", "their", "our", "out", "off", "more", "than", "not", "but", "all", "any", "can", "may", "one", "two", "who", "what",
        "when", "where", "how", "why", "nz", "speech", "release", "statement", "says", "said", "announces", "announced", "welcomes", "via",
    };

    public static int Build(string corpus, string output, int count)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var singles = new Dictionary<string, int>(StringComparer.Ordinal);
        var ministerWords = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var portfolios = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in RealRelease.FilesIn(corpus))
        {
            if (RealRelease.TryRead(path) is not { } release)
            {
                continue;
            }

            var words = Tokens.Split(release.Title).Where(t => !t.IsNumber).Select(t => t.Token.ToLowerInvariant()).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                if (!IsContent(words[i]))
                {
                    continue;
                }

                singles[words[i]] = singles.GetValueOrDefault(words[i]) + 1;
                if (i + 1 < words.Count && IsContent(words[i + 1]) && words[i] != words[i + 1])
                {
                    pairs.Add($"{words[i]} {words[i + 1]}");
                }
            }

            foreach (var raw in release.Ministers)
            {
                var name = MinisterNames.Normalize(raw);
                if (!name.IsPerson)
                {
                    continue;
                }

                var lower = name.Name.ToLowerInvariant();
                names.Add(lower);
                var surname = lower.Split(' ')[^1];
                foreach (var word in words.Where(w => IsContent(w) && w != surname))
                {
                    ministerWords.Add($"{surname} {word}");
                }
            }

            foreach (var raw in release.Portfolios)
            {
                var portfolio = PortfolioNames.Normalize(raw);
                if (portfolio.IsPortfolio)
                {
                    portfolios.Add(portfolio.Name.ToLowerInvariant());
                }
            }
        }

        // Single words seen in one title only are often typos or codes: not what people search for.
        var common = singles.Where(s => s.Value >= 2).Select(s => s.Key);
        var random = new SplitMix64(20_260_505);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        Take(names, count / 50, chosen, ref random);
        Take(portfolios, count / 50, chosen, ref random);
        Take(common, count / 5, chosen, ref random);
        Take(ministerWords, count / 4, chosen, ref random);
        Take(pairs, count - chosen.Count, chosen, ref random);
        Take(ministerWords, count - chosen.Count, chosen, ref random);

        var list = Shuffled(chosen, ref random);
        File.WriteAllLines(output, list);
        Console.WriteLine($"wrote {list.Count:N0} distinct queries to {output} (from {pairs.Count:N0} title word pairs, {ministerWords.Count:N0} minister+word, {singles.Count:N0} title words, {portfolios.Count:N0} portfolios, {names.Count:N0} minister names)");
        return list.Count >= count ? 0 : 1;
    }

    private static bool IsContent(string word) => word.Length >= 3 && !StopWords.Contains(word) && word.All(c => char.IsLetter(c) || c is '-' or '\'' or '’');

    private static void Take(IEnumerable<string> source, int wanted, HashSet<string> chosen, ref SplitMix64 random)
    {
        var taken = 0;
        foreach (var query in Shuffled(source, ref random))
        {
            if (taken >= wanted)
            {
                break;
            }

            if (chosen.Add(query))
            {
                taken++;
            }
        }
    }

    private static List<string> Shuffled(IEnumerable<string> source, ref SplitMix64 random)
    {
        var list = source.Order(StringComparer.Ordinal).ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
