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
internal sealed record QueryClause(ClauseKind Kind, string Text, bool Negated, bool TitleOnly);
