using PressReleases.Core.Search;
using PressReleases.Web.Display;

namespace PressReleases.Web.Listing;

/// <summary>How a listing says that it shows releases missing some of the words (<see cref="WordMatch"/>).</summary>
public static class WordMatchText
{
    /// <summary>"12 releases have", "1 release has".</summary>
    public static string AllWords(int count) => count == 1 ? "1 release has" : $"{Format.Number(count)} releases have";

    /// <summary>"any", "at least 2": how many of the words the releases that lack some have, as in "… of them".</summary>
    public static string Most(WordMatch words) => words.Minimum == 1 ? "any" : $"at least {Format.Number(words.Minimum)}";
}
