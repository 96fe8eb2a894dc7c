using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PressReleases.Web.Pages.Releases;

/// <summary>
/// The &lt;option&gt;s of a datalist of names ("Add minister", "Add portfolio"): several hundred on every
/// listing, written straight to the response with each name HTML-encoded, rather than as hundreds of small
/// Razor writes buffered one by one. Deliberately not an <see cref="IHtmlContentContainer"/>, so Razor keeps
/// a reference to it instead of copying it into its buffers.
/// </summary>
public sealed class NameOptions(IReadOnlyList<string> names) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var name in names)
        {
            writer.Write("<option value=\"");
            encoder.Encode(writer, name);
            writer.Write("\"></option>");
        }
    }
}
