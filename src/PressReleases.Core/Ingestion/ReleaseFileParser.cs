using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Ingestion;

/// <summary>
/// Turns the bytes of one release file into a <see cref="ParsedRelease"/>, or throws a
/// <see cref="ReleaseFileException"/> that says what is wrong and on which line. Pure and thread-safe.
/// </summary>
public sealed partial class ReleaseFileParser(MarkdownRenderer renderer)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ParsedRelease Parse(ReadOnlySpan<byte> bytes)
    {
        var text = Decode(bytes);
        var frontMatter = FrontMatter.Split(text);
        var fields = FrontMatterFields.Read(frontMatter.Yaml);

        var title = CleanTitle(RequiredScalar(fields, "title"));
        var date = ParseDate(RequiredScalar(fields, "date"));
        var url = ParseUrl(RequiredScalar(fields, "url"));

        // Required fields are strict; an optional one in a shape this reader does not know is skipped with a warning,
        // so an odd field never costs a release.
        var warnings = new List<ReleaseFileWarning>();
        var ministers = new List<MinisterName>();
        var discarded = new List<string>();
        foreach (var entry in OptionalList(fields, "ministers", warnings))
        {
            var name = MinisterNames.Normalize(entry);
            if (!name.IsPerson)
            {
                discarded.Add(entry);
            }
            else if (!ministers.Exists(m => m.Slug == name.Slug))
            {
                ministers.Add(name);
            }
        }

        var portfolios = new List<PortfolioName>();
        foreach (var entry in OptionalList(fields, "portfolios", warnings))
        {
            var name = PortfolioNames.Normalize(entry);
            if (name.IsPortfolio && !portfolios.Exists(p => p.Slug == name.Slug))
            {
                portfolios.Add(name);
            }
        }

        // An attachment is an address, or a map with one under 'url' and perhaps a 'name' (e.g. "- name: Report" /
        // "  url: https://…"). An address listed twice is kept once, with the first entry's name.
        var attachments = OptionalList(fields, "attachments", warnings, text => new AttachmentLink(text, null), ReadAttachment)
            .Select(a => a with { Url = a.Url.Trim() })
            .Where(a => Uri.TryCreate(a.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
            .DistinctBy(a => a.Url, StringComparer.Ordinal)
            .ToList();

        var rendered = renderer.Render(frontMatter.Body, url);
        return new ParsedRelease(title, date, url.AbsoluteUri, BaseSlugFor(url, title), ministers, discarded, portfolios, attachments, rendered.Html, rendered.Text)
        {
            Warnings = warnings,
        };
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw new ReleaseFileException("the file is empty");
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new ReleaseFileException("the file is binary (it contains NUL bytes), not markdown text");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = ex.Index >= 0 ? LineAtByte(bytes, ex.Index) : (int?)null;
            throw new ReleaseFileException("the file is not valid UTF-8 text", line);
        }

        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    private static int LineAtByte(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        foreach (var b in bytes[..Math.Min(index, bytes.Length)])
        {
            if (b == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private static (string Value, int Line) RequiredScalar(Dictionary<string, FrontMatterValue> fields, string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            throw new ReleaseFileException($"front matter has no '{key}'");
        }

        if (node.Kind != FrontMatterKind.Scalar)
        {
            throw new ReleaseFileException($"'{key}' must be a single value, not a {(node.Kind == FrontMatterKind.List ? "list" : "map")}", node.Line);
        }

        var value = node.Scalar.Trim();
        if (value.Length == 0)
        {
            throw new ReleaseFileException($"'{key}' is empty", node.Line);
        }

        return (value, node.Line);
    }

    /// <summary>A list of names (ministers, portfolios): see the general overload; blank entries are left out.</summary>
    private static List<string> OptionalList(Dictionary<string, FrontMatterValue> fields, string key, List<ReleaseFileWarning> warnings) =>
        OptionalList(fields, key, warnings, text => text, entry => entry.Text)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => value.Trim())
            .ToList();

    /// <summary>
    /// A list, or a single value where a list was expected (read as a list of one, by <paramref name="fromScalar"/>).
    /// An entry <paramref name="read"/> finds no value in (null), or a map where the list should be, is skipped with
    /// a warning.
    /// </summary>
    private static List<T> OptionalList<T>(
        Dictionary<string, FrontMatterValue> fields, string key, List<ReleaseFileWarning> warnings, Func<string, T> fromScalar, Func<FrontMatterEntry, T?> read)
        where T : class
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return [];
        }

        switch (node.Kind)
        {
            case FrontMatterKind.Scalar:
                return [fromScalar(node.Scalar)];
            case FrontMatterKind.List:
                if (node.Entries.Count > IngestLimits.MaxListEntries)
                {
                    throw new ReleaseFileException($"'{key}' has {node.Entries.Count:N0} entries; the limit is {IngestLimits.MaxListEntries}", node.Line);
                }

                var values = new List<T>(node.Entries.Count);
                foreach (var entry in node.Entries)
                {
                    if (read(entry) is not { } value)
                    {
                        warnings.Add(new ReleaseFileWarning(key, "has an entry that is not a single value", entry.Line));
                        continue;
                    }

                    values.Add(value);
                }

                return values;
            default:
                warnings.Add(new ReleaseFileWarning(key, "is a map where a list belongs", node.Line));
                return [];
        }
    }

    /// <summary>
    /// An attachment entry: a map with a 'url' gives its address and its 'name', if any; any other entry is read as
    /// text (an address, or, for a one-pair map with no 'url', "key: value", which is no address and is dropped).
    /// </summary>
    private static AttachmentLink? ReadAttachment(FrontMatterEntry entry) =>
        entry.Pairs?.GetValueOrDefault("url") is { } url ? new AttachmentLink(url, CleanName(entry.Pairs.GetValueOrDefault("name")))
        : entry.Text is { } text ? new AttachmentLink(text, null)
        : null;

    /// <summary>A name as link text: one line of plain characters, or null when nothing is left.</summary>
    private static string? CleanName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var cleaned = TextFolding.CollapseWhitespace(TextFolding.RemoveControlCharacters(name));
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static string CleanTitle((string Value, int Line) field)
    {
        if (field.Value.Length > IngestLimits.MaxTitleChars)
        {
            throw new ReleaseFileException($"'title' is {field.Value.Length:N0} characters; the limit is {IngestLimits.MaxTitleChars:N0}", field.Line);
        }

        // Some titles carry markup such as "<i>Working for Families</i>": keep the words, drop the tags.
        var title = WebUtility.HtmlDecode(Tags().Replace(field.Value, ""));
        title = TextFolding.CollapseWhitespace(TextFolding.RemoveControlCharacters(title));
        if (title.Length == 0)
        {
            throw new ReleaseFileException("'title' has no text", field.Line);
        }

        return title;
    }

    private static DateOnly? ParseDate((string Value, int Line) field)
    {
        if (DateOnly.TryParseExact(field.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // The export writes 0001-01-01 where the date is unknown.
            return date == DateOnly.MinValue ? null : date;
        }

        // A timestamp: the release's date is the calendar day where it was published, so keep its own offset.
        if (field.Value.Length > 10 && DateTimeOffset.TryParse(field.Value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var stamp)
            && field.Value[..4].All(char.IsAsciiDigit))
        {
            return DateOnly.FromDateTime(stamp.DateTime);
        }

        throw new ReleaseFileException($"'date' is not a valid date (expected YYYY-MM-DD): '{Shorten(field.Value)}'", field.Line);
    }

    private static Uri ParseUrl((string Value, int Line) field)
    {
        if (field.Value.Length > IngestLimits.MaxUrlChars
            || !Uri.TryCreate(field.Value, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(url.Host))
        {
            throw new ReleaseFileException($"'url' is not an http(s) address: '{Shorten(field.Value)}'", field.Line);
        }

        return url;
    }

    private static string BaseSlugFor(Uri url, string title)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // The source's own slug is kept exactly when it is already URL-safe, so our permalink mirrors
        // beehive's ("enhancing-new-zealand--japan-cooperation", double dash and all).
        var segment = segments.Length > 0 ? Uri.UnescapeDataString(segments[^1]).ToLowerInvariant() : "";
        var fromUrl = Slugs.IsSafe(segment) ? segment : Slugs.From(segment);
        var slug = fromUrl.Length > 0 ? fromUrl : Slugs.From(title);
        if (slug.Length == 0)
        {
            slug = "release";
        }

        return slug.Length > 200 ? slug[..200].TrimEnd('-') : slug;
    }

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;

    [GeneratedRegex("<[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
