using System.Text;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion.BadInput;

/// <summary>A file the ingester must reject: its bytes, and what the report must say (message words, line when known).</summary>
public sealed record RejectedCase(string Name, Func<byte[]> Bytes, string Reason, int? Line)
{
    public string FileName => $"bad-{Name}.md";

    public override string ToString() => Name;
}

/// <summary>
/// The hostile and broken release files of issue #6, written as bytes. Front matter lines are numbered
/// as in the file: line 1 is the opening '---', so the first key is on line 2.
/// </summary>
public static class BadFiles
{
    public static readonly string Url = ReleaseFileText.UrlFor("bad-input");

    /// <summary>A valid head (title, date, url on lines 2-4) to which a case adds lines from line 5.</summary>
    public static string Head(string title = "A release", string date = "2020-01-15", string? url = null) =>
        $"---\ntitle: {ReleaseFileText.Quote(title)}\ndate: {date}\nurl: {url ?? Url}\n";

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>Nine levels of aliases, each a list of nine of the one before: 9^9 (387 million) values when expanded.</summary>
    public static string BillionLaughs()
    {
        var yaml = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }

        return yaml.ToString();
    }

    public static IEnumerable<RejectedCase> Rejected()
    {
        const string Body = "---\n\nBody.\n";
        yield return new("no-front-matter", () => Utf8("# A heading\n\ntitle: x\n"), "no front matter", 1);
        yield return new("never-closed", () => Utf8(Head() + "\nThe body, but the front matter never closed.\n"), "never closed", 1);
        yield return new("invalid-yaml", () => Utf8(Head() + "ministers: [John Key\nportfolios: \"open\n" + Body), "not valid YAML", 5);

        // Line 5 is the first alias (on the line of 'b'); the aliases are refused before anything is expanded.
        yield return new("alias-bomb", () => Utf8(Head() + BillionLaughs() + Body), "YAML alias (*a)", 6);
        yield return new("alias-bomb-as-key", () => Utf8(Head() + BillionLaughs() + "? *i\n: boom\n" + Body), "YAML alias (*a)", 6);
        yield return new("alias-as-ministers", () => Utf8(Head() + "x: &names [John Key]\nministers: *names\n" + Body), "YAML alias (*names)", 6);
        yield return new("deep-flow-nesting", () => Utf8(Head() + "x: " + new string('[', 30_000) + new string(']', 30_000) + "\n" + Body), $"more than {IngestLimits.MaxFrontMatterDepth} deep", 5);

        yield return new("title-list", () => Utf8("---\ntitle:\n  - one\n  - two\ndate: 2020-01-15\nurl: " + Url + "\n" + Body), "'title' must be a single value, not a list", 3);
        yield return new("title-map", () => Utf8("---\ntitle:\n  en: one\n  mi: tahi\ndate: 2020-01-15\nurl: " + Url + "\n" + Body), "'title' must be a single value, not a map", 3);
        yield return new("missing-title", () => Utf8("---\ndate: 2020-01-15\nurl: " + Url + "\n" + Body), "front matter has no 'title'", null);
        yield return new("missing-date", () => Utf8("---\ntitle: x\nurl: " + Url + "\n" + Body), "front matter has no 'date'", null);
        yield return new("missing-url", () => Utf8("---\ntitle: x\ndate: 2020-01-15\n" + Body), "front matter has no 'url'", null);
        yield return new("date-2014-13-45", () => Utf8(Head(date: "2014-13-45") + Body), "'date' is not a valid date (expected YYYY-MM-DD): '2014-13-45'", 3);
        yield return new("date-yesterday", () => Utf8(Head(date: "yesterday") + Body), "'date' is not a valid date (expected YYYY-MM-DD): 'yesterday'", 3);
        yield return new("url-not-a-url", () => Utf8(Head(url: "see the beehive website") + Body), "'url' is not an http(s) address: 'see the beehive website'", 4);
        yield return new("url-javascript", () => Utf8(Head(url: "\"javascript:alert(1)\"") + Body), "'url' is not an http(s) address", 4);
        yield return new("empty", () => [], "the file is empty", null);
        yield return new("binary", BinaryBytes, "binary", null);
        yield return new("invalid-utf8", InvalidUtf8, "not valid UTF-8", 7);
        yield return new("huge-body", HugeBody, $"the limit is {IngestLimits.MaxFileBytes / 1024 / 1024} MB", null);

        // 10,000 portfolios as the export writes lists: the front matter outgrows its limit first.
        yield return new("portfolios-10000", () => Utf8(Head() + "portfolios:\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"  - Portfolio {i}\n")) + Body),
            $"longer than {IngestLimits.MaxFrontMatterChars:N0} characters", 1);

        // The same count written compactly fits the front matter limit; the list limit rejects it.
        yield return new("portfolios-10000-flow", () => Utf8(Head() + "portfolios: [" + string.Join(",", Enumerable.Repeat("P", 10_000)) + "]\n" + Body),
            $"'portfolios' has 10,000 entries; the limit is {IngestLimits.MaxListEntries}", 5);
        yield return new("unclosed-links", () => Utf8(Head() + "---\n\n" + string.Concat(Enumerable.Repeat("[a](", 100_000)) + "\n"),
            $"the body has 100,000 '['; the limit is {IngestLimits.MaxBodyMarkupCount:N0}", 6);
        yield return new("table-pipes", () => Utf8(Head() + "---\n\na|b\n-|-\n" + new string('|', 10_000) + "\n"),
            $"the body has 10,002 '|'; the limit is {IngestLimits.MaxBodyMarkupCount:N0}", 6);
        yield return new("long-paragraph", () => Utf8(Head() + "---\n\nIntro.\n\n" + string.Concat(Enumerable.Repeat("word ", 8_000)) + "\n"),
            $"the paragraph starting on line 9 is longer than {IngestLimits.MaxParagraphChars:N0} characters", 9);
        yield return new("title-only-markup", () => Utf8(Head(title: "<script></script>") + Body), "'title' has no text", 2);
        yield return new("title-too-long", () => Utf8(Head(title: new string('t', IngestLimits.MaxTitleChars + 1)) + Body), $"the limit is {IngestLimits.MaxTitleChars:N0}", 2);
    }

    /// <summary>A PNG header and random bytes: what a misnamed image looks like.</summary>
    private static byte[] BinaryBytes()
    {
        var bytes = new byte[4096];
        new Random(6).NextBytes(bytes);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
        png.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A Latin-1 'é' (0xE9, not UTF-8) on line 7, in the body.</summary>
    private static byte[] InvalidUtf8()
    {
        var before = Utf8(Head() + "---\n\nThe caf");
        return [.. before, 0xE9, .. Utf8(" is open.\n")];
    }

    /// <summary>A valid head and a 50 MB body: ten times the file limit.</summary>
    private static byte[] HugeBody()
    {
        var head = Utf8(Head() + "---\n\n");
        var bytes = new byte[50 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'a');
        head.CopyTo(bytes, 0);
        for (var i = 1000; i < bytes.Length; i += 1000)
        {
            bytes[i] = (byte)'\n';
        }

        return bytes;
    }
}
