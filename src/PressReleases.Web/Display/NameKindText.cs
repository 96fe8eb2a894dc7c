using PressReleases.Core.Releases;

namespace PressReleases.Web.Display;

/// <summary>How the site words and marks up a <see cref="NameKind"/>: the same pattern for both kinds, from their names.</summary>
public static class NameKindText
{
    /// <summary>"Minister": a facet's heading, an active filter's label.</summary>
    public static string Heading(this NameKind kind) => Capitalized(kind.Singular);

    /// <summary>"Ministers": the directory's title.</summary>
    public static string Title(this NameKind kind) => Capitalized(kind.Plural);

    /// <summary>"addMinister": the listing form's field for a typed name, which never stays in a listing's URL.</summary>
    public static string AddParameter(this NameKind kind) => "add" + kind.Heading();

    /// <summary>
    /// The directory's introduction. The one wording that is not a pattern: a minister is someone a release
    /// names, a portfolio a responsibility it is filed under.
    /// </summary>
    public static string DirectoryLede(this NameKind kind) => kind == NameKind.Minister
        ? "Everyone named as a minister on a release, with how many releases name them and the years those releases span."
        : "Every ministerial portfolio named on a release, with how many releases and the years they span.";

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
