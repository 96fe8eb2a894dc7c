namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// Spellings a person might use for a word they remember in another form: plural and singular, -ing, -ed, -ion,
/// -ment, -er. Only candidates: the caller keeps those the corpus uses and the analyzer stems to the same term.
/// </summary>
public static class WordForms
{
    private static readonly string[] Endings = ["s", "es", "ing", "ed", "d", "ion", "ions", "ment", "ments", "er", "ers", "ies", "y", "e", "ation", "ations"];

    public static IEnumerable<string> Candidates(string word)
    {
        // The stem the word may have been built on: the word itself, or the word without one of the endings.
        var bases = new List<string> { word };
        foreach (var ending in Endings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                var root = word[..^ending.Length];
                bases.Add(root);
                bases.Add(root + "e");
                if (ending == "ies")
                {
                    bases.Add(root + "y");
                }
            }
        }

        foreach (var root in bases.Distinct(StringComparer.Ordinal))
        {
            yield return root;
            foreach (var ending in Endings)
            {
                yield return root + ending;
                if (root.EndsWith('e'))
                {
                    yield return root[..^1] + ending;
                }

                if (root.EndsWith('y') && ending is "s" or "es" or "ed")
                {
                    yield return root[..^1] + (ending == "ed" ? "ied" : "ies");
                }
            }
        }
    }
}
