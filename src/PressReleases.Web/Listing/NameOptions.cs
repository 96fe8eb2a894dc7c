using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PressReleases.Core.Store;

namespace PressReleases.Web.Listing;

/// <summary>
/// The &lt;option&gt;s of a datalist of names ("Add minister", "Add portfolio"): several hundred on every
/// listing. Encoded once into one string (per list of names, which the catalog keeps until the store
/// changes, and per encoder) and written to the response in one piece, rather than encoding hundreds of
/// names on every search page. Deliberately not an <see cref="IHtmlContentContainer"/>, so Razor keeps a
/// reference to it instead of copying it into its buffers.
/// </summary>
public sealed class NameOptions(IReadOnlyList<string> names) : IHtmlContent
{
    private static readonly ConditionalWeakTable<IReadOnlyList<NameSummary>, NameOptions> ByList = new();

    /// <summary>The encoded options and the encoder they were encoded with, swapped as one.</summary>
    private Encoded? encoded;

    public static NameOptions None { get; } = new([]);

    /// <summary>The options for one of the catalog's name lists, shared by every page that shows that list.</summary>
    public static NameOptions For(IReadOnlyList<NameSummary> list) =>
        ByList.GetValue(list, l => new NameOptions(l.Select(n => n.Name).ToList()));

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var current = encoded;
        if (current is null || !ReferenceEquals(current.Encoder, encoder))
        {
            current = new Encoded(encoder, Encode(encoder));
            encoded = current;
        }

        writer.Write(current.Html);
    }

    private string Encode(HtmlEncoder encoder)
    {
        using var html = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var name in names)
        {
            html.Write("<option value=\"");
            encoder.Encode(html, name);
            html.Write("\"></option>");
        }

        return html.ToString();
    }

    private sealed record Encoded(HtmlEncoder Encoder, string Html);
}
