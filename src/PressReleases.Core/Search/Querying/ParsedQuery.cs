using Lucene.Net.Search;

namespace PressReleases.Core.Search.Querying;

/// <summary>A user's query made into a Lucene query, with the terms to highlight and a plain-words reading of it.</summary>
public sealed record ParsedQuery(Query? Query, IReadOnlySet<string> HighlightTerms, IReadOnlyList<string> HighlightPrefixes, string? InterpretedAs)
{
    public static readonly ParsedQuery Empty = new(null, new HashSet<string>(), [], null);

    /// <summary>The positive plain words and phrases (not title:, not in an OR-group), as read; two or more can be widened to "most of them".</summary>
    public IReadOnlyList<string> PlainClauses { get; init; } = [];

    /// <summary>The queries of <see cref="PlainClauses"/>, in the same order: which of them a release matches tells which words it lacks.</summary>
    public IReadOnlyList<Query> PlainQueries { get; init; } = [];

    /// <summary>
    /// Boosts that add to a matching release's score but never decide whether it matches: the plain words
    /// close together in the body or the title, and all of them in the title. Null with fewer than two plain
    /// words. Applied to the best hits of <see cref="Query"/> only (by the collecting layer's ProximityRescorer).
    /// </summary>
    public Query? Proximity { get; init; }

    /// <summary>
    /// Set when the plain words were read as "at least this many of them" (releases with all of them first);
    /// null when every plain word must match.
    /// </summary>
    public int? MinimumWords { get; init; }

    /// <summary>Words that name a minister or a year: they match as words or as that minister's or year's releases.</summary>
    public IReadOnlyList<QueryReading> Readings { get; init; } = [];

    /// <summary>True when the plain words were read as alternatives (at least one must match).</summary>
    public bool MatchesAnyWord => MinimumWords == 1;
}
