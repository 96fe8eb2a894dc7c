namespace PressReleases.TestSupport.Quality;

/// <summary>One judged query: what a person types and the releases (slugs) that must be on the first page.</summary>
public sealed record JudgedQuery
{
    public required string Id { get; init; }

    /// <summary>The kind of query ("gist", "typo", "known-item", …): the rows of the report and of the floors.</summary>
    public required string Category { get; init; }

    public required string Query { get; init; }

    public required IReadOnlyList<string> Relevant { get; init; }

    /// <summary>Why these releases are the right answers (for generated queries: the source file and how the query was cut).</summary>
    public required string Note { get; init; }

    /// <summary><see cref="JudgedSplits.Tune"/> (ranking may be tuned on it) or <see cref="JudgedSplits.Holdout"/> (only measured).</summary>
    public string Split { get; init; } = "";

    /// <summary>"hand-written" or "generated" (by the CorpusGenerator's judged verb).</summary>
    public string Source { get; init; } = "";

    /// <summary>For a query made from another (gist-absent from gist): that query's id.</summary>
    public string? From { get; init; }

    /// <summary>
    /// Typo queries count as found when the engine's "Did you mean" suggestion finds the release, as a person would
    /// follow it; every other kind is judged on its own first page only.
    /// </summary>
    public bool FollowsSuggestion => Category == JudgedKinds.Typo;
}

public static class JudgedSplits
{
    public const string Tune = "tune";
    public const string Holdout = "holdout";

    public static readonly IReadOnlyList<string> All = [Tune, Holdout];
}

/// <summary>The kinds the code treats specially.</summary>
public static class JudgedKinds
{
    public const string Typo = "typo";
    public const string Gist = "gist";
    public const string GistAbsent = "gist-absent";
}
