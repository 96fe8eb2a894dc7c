namespace PressReleases.Web.Pages.Releases;

/// <summary>What link previews (OpenGraph, Twitter cards) show of a release.</summary>
public static class ReleaseMeta
{
    /// <summary>About what a preview card shows before it cuts the text itself.</summary>
    public const int DescriptionLength = 200;

    /// <summary>The opening of the body text, whitespace collapsed, cut at a word boundary with an ellipsis.</summary>
    public static string Description(string bodyText, int maxLength = DescriptionLength)
    {
        var text = string.Join(' ', bodyText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);

        // One very long word: cut inside it rather than show nothing.
        var end = cut > maxLength / 2 ? cut : maxLength - 1;
        return text[..end].TrimEnd(',', ';', ':', '-', '–', '—', ' ') + "…";
    }
}
