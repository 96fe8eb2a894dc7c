using System.Globalization;
using System.Text;
using PressReleases.Core.Releases;

namespace PressReleases.Web.Citations;

/// <summary>
/// One release as a BibTeX <c>@misc</c> entry that both classic BibTeX and biblatex read: year and month for
/// the first, date and urldate for the second. Text is UTF-8 (biber and modern LaTeX read macrons as they are);
/// only the characters that mean something to BibTeX or LaTeX are escaped.
/// </summary>
public static class BibTexWriter
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    // Words too common to tell releases apart in a key ("the-budget-..." would key on "budget").
    private static readonly HashSet<string> KeyStopWords = new(StringComparer.Ordinal) { "a", "an", "and", "at", "for", "in", "of", "on", "the", "to" };

    public static string Write(CitationSource source)
    {
        var fields = new List<(string Name, string Value)>();
        var authors = source.Authors.Count == 0
            ? "{" + Escape(CitationSource.Government) + "}" // double braces: an institution, not "Government, New Zealand"
            : string.Join(" and ", source.Authors.Select(a => Escape(a.FamilyCommaGiven)));
        fields.Add(("author", "{" + authors + "}"));

        // Double braces keep the title's capitals ("New Zealand", "COVID-19") when a style lower-cases titles.
        fields.Add(("title", "{{" + Escape(source.Title) + "}}"));
        if (source.Date is { } date)
        {
            fields.Add(("year", "{" + date.Year.ToString(CultureInfo.InvariantCulture) + "}"));
            fields.Add(("month", Months[date.Month - 1])); // a macro, so each style spells the month its own way
            fields.Add(("day", "{" + date.Day.ToString(CultureInfo.InvariantCulture) + "}"));
            fields.Add(("date", "{" + Iso(date) + "}"));
        }

        fields.Add(("howpublished", "{Press release}"));
        fields.Add(("organization", "{" + Escape(CitationSource.Government) + "}"));
        fields.Add(("publisher", "{" + Escape(CitationSource.Government) + "}"));
        fields.Add(("url", "{" + Url(source.SourceUrl) + "}"));
        fields.Add(("urldate", "{" + Iso(source.RetrievedOn) + "}"));
        // A paragraph is named in words, not as a #fragment: '#' inside \url in a field's argument is a LaTeX error.
        var paragraph = source.Paragraph is { } p ? ", paragraph " + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        fields.Add(("note", "{Retrieved from " + CitationSource.SiteName + ": \\url{" + Url(source.PermalinkUrl) + "}" + paragraph + "}"));

        var bib = new StringBuilder();
        bib.Append("@misc{").Append(Key(source)).Append(",\n");
        var width = fields.Max(f => f.Name.Length);
        for (var i = 0; i < fields.Count; i++)
        {
            bib.Append("  ").Append(fields[i].Name.PadRight(width)).Append(" = ").Append(fields[i].Value);
            bib.Append(i < fields.Count - 1 ? ",\n" : "\n");
        }

        bib.Append("}\n");
        return bib.ToString();
    }

    /// <summary>
    /// "beehive2014enhancing": source, year (or "nd") and the first telling word of the slug. Built from the
    /// permalink slug, which never changes, so the key stays the same when a title is corrected.
    /// </summary>
    public static string Key(CitationSource source)
    {
        var year = source.Date is { } d ? d.Year.ToString(CultureInfo.InvariantCulture) : "nd";
        var words = Slugs.From(source.Slug).Split('-', StringSplitOptions.RemoveEmptyEntries);
        var word = words.FirstOrDefault(w => !KeyStopWords.Contains(w)) ?? words.FirstOrDefault() ?? "release";
        return $"beehive{year}{word}";
    }

    /// <summary>Escapes the characters BibTeX or LaTeX would read as syntax: <c>{ } % &amp; $ # _ ^ ~ \</c>.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '^' => @"\^{}",
                '~' => @"\~{}",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    // url fields are read verbatim by biblatex and the url package: escaping would put backslashes into the
    // address. Only what would unbalance the braces or end the field is percent-encoded.
    private static string Url(string url) =>
        url.Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
