namespace PressReleases.Web.Citations;

/// <summary>
/// A minister's name split the way reference styles need it: family name and given names. The store
/// keeps names without honorifics ("Jacinda Ardern"), so the last word is the family name, together
/// with any lower-case particles before it ("Mark van der Berg" → "van der Berg").
/// </summary>
public sealed record PersonName(string Family, IReadOnlyList<string> Given)
{
    public static PersonName Parse(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length <= 1)
        {
            return new PersonName(words.Length == 1 ? words[0] : name.Trim(), []);
        }

        var familyStart = words.Length - 1;
        while (familyStart > 1 && IsParticle(words[familyStart - 1]))
        {
            familyStart--;
        }

        return new PersonName(string.Join(' ', words[familyStart..]), words[..familyStart]);
    }

    /// <summary>"J." for Jacinda, "J.-L." for Jean-Luc, "J. K." for two given names.</summary>
    public string Initials => string.Join(' ', Given.Select(InitialsOf));

    /// <summary>"Ardern, Jacinda": the form BibTeX and RIS read unambiguously.</summary>
    public string FamilyCommaGiven => Given.Count == 0 ? Family : $"{Family}, {string.Join(' ', Given)}";

    /// <summary>"Ardern, J.": the APA form.</summary>
    public string FamilyCommaInitials => Given.Count == 0 ? Family : $"{Family}, {Initials}";

    // Lower-case words before the last are particles of the family name ("de", "van", "te"); a capitalised
    // middle name is a given name.
    private static bool IsParticle(string word) => word.Length > 0 && char.IsLower(word[0]);

    private static string InitialsOf(string given) =>
        string.Join('-', given.Split('-').Select(part => part.Trim('.')).Where(part => part.Length > 0).Select(part => part[..1].ToUpperInvariant() + "."));
}
