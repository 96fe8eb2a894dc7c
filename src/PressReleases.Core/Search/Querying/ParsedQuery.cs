using Lucene.Net.Search;

namespace PressReleases.Core.Search.Querying;

/// <summary>A user's query made into a Lucene query, with the terms to highlight and a plain-words reading of it.</summary>
public sealed record ParsedQuery(Query? Query, IReadOnlySet<string> HighlightTerms, IReadOnlyList<string> HighlightPrefixes, string? InterpretedAs)
{
    public static readonly ParsedQuery Empty = new(null, new HashSet<string>(), [], null);
}
