namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// The kinds cut from a release's title: title memory, another word form, no macrons, a typo, a minister plus a
/// topic, a topic plus a year. Where a kind takes some of the title's words it takes the rarest (fewest releases use
/// them), as a person remembers the distinctive words of a title. Every one keeps only queries whose words (by stem) are in no other title (among the
/// minister's releases, or the year's, where those narrow the query), so the source is the one release the title
/// rule judges right, and it skips titles that more than one release shares.
/// </summary>
public sealed class TitleQueries(JudgedCorpus corpus)
{
    private readonly Analysis analysis = corpus.Analysis;

    /// <summary>
    /// 3–6 title words with one dropped (from a title of 4–7 content words; never one of its two rarest) or two
    /// neighbours swapped (from a title of 3–6).
    /// </summary>
    public GeneratedQuery? Title(JudgedRelease release, ref SplitMix64 random)
    {
        var words = Usable(release);
        if (words is null || words.Count < 3 || words.Count > 7)
        {
            return null;
        }

        var drop = words.Count >= 4 && (words.Count == 7 || random.Next(2) == 0);
        var query = words.ToList();
        string how;
        if (drop)
        {
            // The word forgotten is never one of the title's two most distinctive.
            var keep = QueryText.Rarest(words, 2, corpus);
            var droppable = Enumerable.Range(0, query.Count).Where(i => !keep.Contains(query[i])).ToList();
            var dropped = QueryText.Pick(droppable, ref random);
            how = $"title words, '{query[dropped].Text}' dropped";
            query.RemoveAt(dropped);
        }
        else
        {
            var swapped = random.Next(query.Count - 1);
            how = $"title words, '{query[swapped].Text}' and '{query[swapped + 1].Text}' swapped";
            (query[swapped], query[swapped + 1]) = (query[swapped + 1], query[swapped]);
        }

        return Unique(release, query) ? GeneratedQuery.Of("title", QueryText.Typed(query), release, how) : null;
    }

    /// <summary>
    /// 2–4 title words, one (or, from four words, two) in the most used other form of the same stem that the corpus
    /// has ("consents" for "consent", "funded" for "funding").
    /// </summary>
    public GeneratedQuery? Stem(JudgedRelease release, ref SplitMix64 random)
    {
        var words = Usable(release);
        if (words is null || words.Count < 2)
        {
            return null;
        }

        var chosen = QueryText.Rarest(words, QueryText.Between(2, 4, ref random), corpus);
        var variable = Enumerable.Range(0, chosen.Count).Where(i => OtherForms(chosen[i]).Count > 0).ToList();
        if (variable.Count == 0)
        {
            return null;
        }

        QueryText.Shuffle(variable, ref random);
        var changes = new List<string>();
        var query = chosen.Select(w => w.Lower).ToList();
        foreach (var i in variable.Take(chosen.Count >= 4 ? 2 : 1))
        {
            var form = OtherForms(chosen[i])[0];
            changes.Add($"'{form}' for '{chosen[i].Text}'");
            query[i] = form;
        }

        return Unique(release, chosen) ? GeneratedQuery.Of("stem", string.Join(' ', query), release, $"title words, {string.Join(", ", changes)} (same stem)") : null;
    }

    /// <summary>2–5 title words of a title written with macrons, at least one of them with one, typed without.</summary>
    public GeneratedQuery? Macron(JudgedRelease release, ref SplitMix64 random)
    {
        var words = Usable(release);
        if (words is null || words.Count < 2 || !words.Any(w => QueryText.HasMacron(w.Text)))
        {
            return null;
        }

        // The rarest words, and the rarest word with a macron if none of those has one.
        var count = QueryText.Between(2, 5, ref random);
        var chosen = QueryText.Rarest(words, count, corpus);
        if (!chosen.Any(w => QueryText.HasMacron(w.Text)))
        {
            var plain = QueryText.Rarest(words, count - 1, corpus);
            var withMacron = QueryText.Rarest(words.Where(w => QueryText.HasMacron(w.Text)).ToList(), 1, corpus)[0];
            chosen = words.Where(w => w == withMacron || plain.Contains(w)).ToList();
        }

        var query = QueryText.WithoutMacrons(QueryText.Typed(chosen));
        return Unique(release, chosen) ? GeneratedQuery.Of("macron", query, release, "title words with the macrons removed") : null;
    }

    /// <summary>3–4 title words, one of six or more letters misspelled so that it is no word of the corpus.</summary>
    public GeneratedQuery? Typo(JudgedRelease release, ref SplitMix64 random)
    {
        var words = Usable(release);
        if (words is null || words.Count < 3)
        {
            return null;
        }

        var chosen = QueryText.Rarest(words, QueryText.Between(3, 4, ref random), corpus);
        var longWords = Enumerable.Range(0, chosen.Count).Where(i => chosen[i].Text.Length >= 6 && chosen[i].Text.All(char.IsAsciiLetter)).ToList();
        if (longWords.Count == 0 || !Unique(release, chosen))
        {
            return null;
        }

        var target = QueryText.Pick(longWords, ref random);
        var (typo, how) = Misspelling.Make(chosen[target].Lower, ref random);
        if (typo is null || corpus.WordFrequency.ContainsKey(typo))
        {
            return null;
        }

        var query = chosen.Select(w => w.Lower).ToList();
        query[target] = typo;
        return GeneratedQuery.Of("typo", string.Join(' ', query), release, $"title words, '{chosen[target].Lower}' misspelled as '{typo}' ({how})");
    }

    /// <summary>A minister of the release (surname or full name) and 2–3 title words; no other title of theirs has those words.</summary>
    public GeneratedQuery? MinisterTopic(JudgedRelease release, ref SplitMix64 random)
    {
        var words = Usable(release);
        if (words is null || release.Parsed.Ministers.Count == 0)
        {
            return null;
        }

        var minister = QueryText.Pick(release.Parsed.Ministers, ref random);
        var nameTerms = analysis.Terms(minister.Name).ToHashSet(StringComparer.Ordinal);
        var topic = words.Where(w => !w.Terms.Any(nameTerms.Contains)).ToList();
        if (topic.Count < 2)
        {
            return null;
        }

        var chosen = QueryText.Rarest(topic, QueryText.Between(2, 3, ref random), corpus);
        var fullName = random.Next(2) == 0;
        var name = fullName ? minister.Name : minister.Name.Split(' ')[^1];
        if (!Unique(release, chosen, r => r.Parsed.Ministers.Any(m => m.Slug == minister.Slug)))
        {
            return null;
        }

        return GeneratedQuery.Of("minister-topic", $"{name} {QueryText.Typed(chosen)}", release, $"{(fullName ? "full name" : "surname")} of {minister.Name} and title words");
    }

    /// <summary>2–3 title words and the release's year; no other title of that year has those words.</summary>
    public GeneratedQuery? TopicYear(JudgedRelease release, ref SplitMix64 random)
    {
        var words = Usable(release);
        if (words is null || words.Count < 2)
        {
            return null;
        }

        var chosen = QueryText.Rarest(words, QueryText.Between(2, 3, ref random), corpus);
        var year = release.Year;
        return Unique(release, chosen, r => r.Year == year)
            ? GeneratedQuery.Of("topic-year", $"{QueryText.Typed(chosen)} {year}", release, $"title words and the year {year}")
            : null;
    }

    /// <summary>
    /// The title's content words that at least one other release uses too (a word only this release has is usually a
    /// slip such as "fromKiwiSaver", which nobody remembers), or null when another release has the same title.
    /// </summary>
    private IReadOnlyList<SourceWord>? Usable(JudgedRelease release) =>
        corpus.IsTitleShared(release)
            ? null
            : QueryText.ContentWords(release, analysis).Where(w => analysis.Words(w.Text).All(x => corpus.WordFrequency.GetValueOrDefault(x) >= 2)).ToList();

    /// <summary>True when no other title (among those <paramref name="among"/> keeps) holds every word's terms.</summary>
    private bool Unique(JudgedRelease release, IReadOnlyList<SourceWord> words, Func<JudgedRelease, bool>? among = null) =>
        corpus.TitlesWithAll(QueryText.TermsOf(words)).Where(among ?? (_ => true)).All(r => r == release);

    /// <summary>
    /// Other spellings of the word with the same analyzer term that the corpus uses in at least 20 releases, the most
    /// used first (the form a person most likely knows: "claims" for "claim" rather than "claimed").
    /// </summary>
    private List<string> OtherForms(SourceWord word)
    {
        if (!word.IsLettersOnly || word.Terms.Count != 1)
        {
            return [];
        }

        var lower = word.Lower;
        return WordForms.Candidates(lower)
            .Where(f => f != lower && corpus.WordFrequency.GetValueOrDefault(f) >= 20 && analysis.StemOfWord(f) == word.Terms[0])
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(f => corpus.WordFrequency[f])
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
    }
}
