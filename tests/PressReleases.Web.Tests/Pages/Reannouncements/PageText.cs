using AngleSharp.Dom;

namespace PressReleases.Web.Tests.Pages.Reannouncements;

internal static class PageText
{
    /// <summary>An element's text with its runs of whitespace (the markup's line breaks and indentation) as single spaces; "" for none.</summary>
    public static string Of(IElement? element) =>
        string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
