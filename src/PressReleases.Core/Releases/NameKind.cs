namespace PressReleases.Core.Releases;

/// <summary>
/// The two kinds of name a release is filed under. Ministers and portfolios are stored, linked, filtered,
/// counted and listed alike, so code that does any of that takes a kind instead of being written twice.
/// They stay apart only where they really differ: where a file's entry becomes a name (<see cref="MinisterNames"/>
/// drops honorifics and refuses link text that is not a person; <see cref="PortfolioNames"/> takes the entry as
/// written); in the store's entity types, because they are two tables; and in the named fields of a search
/// request, its facets and the JSON API, which programs already read (<c>Selected(kind)</c> and
/// <c>Of(kind)</c> reach those fields by kind).
/// </summary>
public sealed class NameKind
{
    private readonly Func<string, string> slugOf;

    private NameKind(string singular, string plural, Func<string, string> slugOf)
    {
        Singular = singular;
        Plural = plural;
        this.slugOf = slugOf;
    }

    public static NameKind Minister { get; } = new("minister", "ministers", name => MinisterNames.Normalize(name).Slug);

    public static NameKind Portfolio { get; } = new("portfolio", "portfolios", Slugs.From);

    public static IReadOnlyList<NameKind> All { get; } = [Minister, Portfolio];

    /// <summary>"minister": the word for one, the listing's filter parameter and the query field (<c>minister:</c>).</summary>
    public string Singular { get; }

    /// <summary>"ministers": the word for several, and the directory's path (<c>/ministers</c>).</summary>
    public string Plural { get; }

    /// <summary>The slug a name as a person might type it stands for ("Hon Jacinda Ardern" → "jacinda-ardern"); empty when it names none.</summary>
    public string SlugOf(string name) => slugOf(name);

    /// <summary>The other kind: a minister's releases name portfolios, a portfolio's name ministers.</summary>
    public NameKind Other => this == Minister ? Portfolio : Minister;

    public override string ToString() => Singular;
}
