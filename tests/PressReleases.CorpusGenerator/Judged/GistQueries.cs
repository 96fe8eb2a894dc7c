namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// Gist queries: the names a person remembers from a release's body but not its title (a place, an organisation, a
/// programme, a person), and the same names with one more word the release never uses ("funding", "scheme").
/// </summary>
public sealed class GistQueries(JudgedCorpus corpus)
{
    /// <summary>Words people add to what they remember of a release; the absent-word twin adds one the release lacks.</summary>
    public static readonly string[] AddedWords =
    [
        "announcement", "scheme", "funding", "plan", "update", "support", "programme", "project", "initiative", "package",
        "review", "report", "investment", "policy", "strategy", "boost", "changes", "new",
    ];

    /// <summary>A name is distinctive when one of its words is in fewer than 1% of releases.</summary>
    public const double RareShare = 0.01;

    /// <summary>None of a name's words may be in 10% or more of releases ("Minister", "Government", "New Zealand").</summary>
    public const double CommonShare = 0.10;

    /// <summary>The names together may be in at most this many releases, so a person could tell the release apart.</summary>
    public const int MostReleasesWithAll = 5;

    /// <summary>Names are looked for in the first paragraphs, where a reader's memory of a release comes from.</summary>
    private static readonly int[] ParagraphsLooked = [3, 6];

    private readonly Analysis analysis = corpus.Analysis;

    /// <summary>2–3 distinctive names (2–4 words in all) from the first paragraphs, none of whose words is in the title.</summary>
    public GeneratedQuery? Gist(JudgedRelease release, ref SplitMix64 random)
    {
        var ministerWords = release.Parsed.Ministers.SelectMany(m => analysis.Terms(m.Name)).ToHashSet(StringComparer.Ordinal);
        List<ProperName> names = [];
        foreach (var paragraphs in ParagraphsLooked)
        {
            names = ProperNames.Find(release.Body, paragraphs).Where(n => IsDistinctive(n, release, ministerWords)).Take(5).ToList();
            if (names.Count >= 2)
            {
                break;
            }
        }

        if (names.Count < 2)
        {
            return null;
        }

        QueryText.Shuffle(names, ref random);
        var wanted = random.Next(3) == 0 ? 3 : 2;
        var chosen = new List<ProperName>();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var nameTerms = analysis.Terms(name.Text);
            if (chosen.Count < wanted && chosen.Sum(n => n.Words.Count) + name.Words.Count <= 4 && !nameTerms.Any(terms.Contains))
            {
                chosen.Add(name);
                terms.UnionWith(nameTerms);
            }
        }

        if (chosen.Count < 2 || !release.Contains(terms))
        {
            return null;
        }

        var withAll = corpus.ReleasesWithAll(terms).Count();
        if (withAll > MostReleasesWithAll)
        {
            return null;
        }

        // Kept in the order the body names them, as memory replays a story.
        chosen = chosen.OrderBy(n => n.Paragraph).ThenBy(n => names.IndexOf(n)).ToList();
        var where = string.Join(", ", chosen.Select(n => $"'{n.Text}' (paragraph {n.Paragraph + 1})"));
        return GeneratedQuery.Of("gist", string.Join(' ', chosen.Select(n => n.Text)), release, $"body names {where}, not in the title; {withAll} release(s) hold them all");
    }

    /// <summary>The gist query plus one word of <see cref="AddedWords"/> that the release uses nowhere (by stem).</summary>
    public GeneratedQuery? WithAbsentWord(GeneratedQuery gist, string gistId, ref SplitMix64 random)
    {
        var absent = AddedWords.Where(w => !gist.Source.Contains(analysis.Terms(w))).ToList();
        if (absent.Count == 0)
        {
            return null;
        }

        var word = QueryText.Pick(absent, ref random);

        // Added after the names, as an afterthought; "new" goes in front, where people put it.
        var query = word == "new" ? $"{word} {gist.Query}" : $"{gist.Query} {word}";
        return new GeneratedQuery("gist-absent", query, gist.Source, gist.Relevant, $"{gist.Source.Describe()}: {gistId} plus '{word}', which the release never uses")
        {
            From = gistId,
        };
    }

    private bool IsDistinctive(ProperName name, JudgedRelease release, HashSet<string> ministerWords)
    {
        var terms = analysis.Terms(name.Text);
        if (terms.Count == 0 || name.Words.Any(w => w.Length < 2 || !w.All(c => char.IsLetter(c) || c is '\'' or '’' or '-')))
        {
            return false;
        }

        // An acronym of three letters or fewer ("CTF", "GRA") is seldom what a reader keeps of a release.
        if (name.Words.Any(w => w.Length <= 3 && w.All(char.IsUpper)))
        {
            return false;
        }

        // A word the corpus mostly writes in lower case ("Convenor", "Fifth") is an ordinary word, not a name.
        if (name.Words.Any(w => w != "of" && corpus.CaseUse.TryGetValue(w.ToLowerInvariant(), out var use) && use.LowerCase * 5 > use.AnyCase))
        {
            return false;
        }

        var shares = terms.Select(corpus.DocumentShare).ToList();
        return shares.Min() < RareShare
               && shares.Max() < CommonShare
               && !terms.Any(release.TitleTerms.Contains)
               && !terms.Any(ministerWords.Contains)
               && (name.Words.Count > 1 || name.Words[0].Length >= 3);
    }
}
