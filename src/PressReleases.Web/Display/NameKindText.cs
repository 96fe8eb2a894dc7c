using PressReleases.Core.Releases;

namespace PressReleases.Web.Display;

/// <summary>How the site words and marks up a <see cref="NameKind"/>: the same pattern for both kinds, from their names.</summary>
public static class NameKindText
{
    // Worked out once: listing pages ask for these on every request.
    private static readonly Dictionary<NameKind, Words> ByKind = NameKind.All.ToDictionary(kind => kind, kind => new Words(kind));

    /// <summary>"Minister": a facet's heading, an active filter's label.</summary>
    public static string Heading(this NameKind kind) => ByKind[kind].Heading;

    /// <summary>"Ministers": the directory's title.</summary>
    public static string Title(this NameKind kind) => ByKind[kind].Title;

    /// <summary>"addMinister": the listing form's field for a typed name, which never stays in a listing's URL.</summary>
    public static string AddParameter(this NameKind kind) => ByKind[kind].AddParameter;

    /// <summary>
    /// The directory's introduction. The one wording that is not a pattern: a minister is someone a release
    /// names, a portfolio a responsibility it is filed under.
    /// </summary>
    public static string DirectoryLede(this NameKind kind) => kind == NameKind.Minister
        ? "Everyone named as a minister on a release, with how many releases name them and the years those releases span."
        : "Every ministerial portfolio named on a release, with how many releases and the years they span.";

    private sealed class Words(NameKind kind)
    {
        public string Heading { get; } = Capitalized(kind.Singular);

        public string Title { get; } = Capitalized(kind.Plural);

        public string AddParameter { get; } = "add" + Capitalized(kind.Singular);

        private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
    }
}
