namespace PressReleases.CorpusGenerator.Judged;

/// <summary>One generated judged query before it gets its id and split.</summary>
/// <param name="Source">The release the query was cut from (always among the answers).</param>
/// <param name="Relevant">The answers' slugs, the source first.</param>
/// <param name="Note">How the query was made, after the source file, so a reader can check it.</param>
public sealed record GeneratedQuery(string Kind, string Query, JudgedRelease Source, IReadOnlyList<string> Relevant, string Note)
{
    /// <summary>For a gist-absent query: the id of the gist query it extends.</summary>
    public string? From { get; init; }

    public static GeneratedQuery Of(string kind, string query, JudgedRelease source, string how) =>
        new(kind, query, source, [source.Slug], $"{source.Describe()}: {how}");
}

/// <summary>Makes a query of one kind from a release, or null when the release does not lend itself to one.</summary>
public delegate GeneratedQuery? QueryMaker(JudgedRelease release, ref SplitMix64 random);
