namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// A release's distinct terms as one sorted array: the whole corpus' term sets must fit in memory at once, and
/// an array of shared strings is several times smaller than a hash set.
/// </summary>
public sealed class TermSet
{
    private readonly string[] sorted;

    public TermSet(IEnumerable<string> terms)
    {
        sorted = terms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<string> Items => sorted;

    public bool Contains(string term) => Array.BinarySearch(sorted, term, StringComparer.Ordinal) >= 0;
}
