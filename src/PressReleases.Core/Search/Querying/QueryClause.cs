namespace PressReleases.Core.Search.Querying;

internal enum ClauseKind
{
    Word,
    Phrase,
    Prefix,
    Minister,
    Portfolio,
}

/// <summary>One thing the user asked for: a word, a phrase, a prefix or a filter, possibly excluded, possibly title-only.</summary>
internal sealed record QueryClause(ClauseKind Kind, string Text, bool Negated, bool TitleOnly)
{
    /// <summary>Where the clause's text (without its field name, '-' or quotes) starts in what the user typed.</summary>
    public int Start { get; init; } = -1;

    /// <summary>The length of that text in what the user typed.</summary>
    public int Length { get; init; }
}
