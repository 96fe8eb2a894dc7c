using PressReleases.Core.Releases;

namespace PressReleases.Web.Listing;

/// <summary>What a name typed into "Add minister" or "Add portfolio" turned out to be: one slug, several candidates, or nothing.</summary>
public sealed record AddedName(string Typed, string? Slug, IReadOnlyList<string> Candidates)
{
    /// <summary>More candidates than this are not worth listing in a notice: the person should type more.</summary>
    private const int MaxCandidates = 5;

    public bool IsFound => Slug is not null;

    /// <summary>
    /// An exact slug; else the name folded to a slug ("māori affairs", "MAORI AFFAIRS" and "Hon Jacinda Ardern"
    /// all find theirs); else the one name containing every typed word. Several such names are not guessed between.
    /// </summary>
    public static AddedName Resolve(string typed, IReadOnlyDictionary<string, string> known, Func<string, string> slugOf)
    {
        typed = typed.Trim();
        if (known.ContainsKey(typed))
        {
            return new AddedName(typed, typed, []);
        }

        var slug = slugOf(typed);
        if (slug.Length == 0)
        {
            slug = Slugs.From(typed);
        }

        if (known.ContainsKey(slug))
        {
            return new AddedName(typed, slug, []);
        }

        var wanted = Slugs.From(typed).Split('-', StringSplitOptions.RemoveEmptyEntries);
        var candidates = wanted.Length == 0
            ? []
            : known.Keys.Where(k => wanted.All(w => k.Split('-').Contains(w, StringComparer.Ordinal))).ToList();
        return candidates.Count == 1
            ? new AddedName(typed, candidates[0], [])
            : new AddedName(typed, null, candidates.Select(c => known[c]).Order(StringComparer.CurrentCultureIgnoreCase).Take(MaxCandidates + 1).ToList());
    }

    /// <summary>Why the name was not added, for the listing's notice.</summary>
    public string Problem(string kind) => Candidates.Count switch
    {
        0 => $"No {kind} is called “{Typed}”; choose one of the suggested names.",
        > MaxCandidates => $"“{Typed}” matches more than {MaxCandidates} {kind}s; type more of the name.",
        _ => $"“{Typed}” matches several {kind}s ({string.Join(", ", Candidates)}); type more of the name.",
    };
}
