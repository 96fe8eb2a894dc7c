using System.Security.Cryptography;
using System.Text;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Analysis;

/// <summary>
/// The body hash finds exact duplicates and is stored in every index, so its value must never drift, whatever a faster
/// way of computing it does: each case is checked against the definition spelled out one character at a time.
/// </summary>
public class BodyHashTests
{
    public static TheoryData<string> Texts =>
    [
        "A  body\ntext ",
        "  leading and trailing  \t",
        "Māori MĀORI İstanbul ΣΊΣΥΦΟΣ Straße",
        "no\u00A0break\u2003em\u2028line\u3000ideographic\u0085next\u180Emongolian",
        "emoji 😀 and 𐐀 Deseret capital, lone \uD800 high and \uDC00 low",
        "\u200Bzero width is not white space\uFEFF",
        "x",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Hash_IsTheDefinitions(string text) => Assert.Equal(Definition(text), IndexFields.BodyHashOf(text));

    [Fact]
    public void CorpusBodies_HashAsTheDefinitionSays()
    {
        var files = Directory.EnumerateFiles(RepoPaths.RequireCorpusFolder(), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var parser = new ReleaseFileParser(new MarkdownRenderer());
        var compared = 0;
        for (var i = 0; i < files.Count; i += 50)
        {
            var body = parser.Parse(File.ReadAllBytes(files[i])).BodyText;
            Assert.True(Definition(body) == IndexFields.BodyHashOf(body), files[i]);
            compared++;
        }

        Assert.True(compared > 1000);
    }

    /// <summary>White-space runs as one space, none at either end, each character lower-cased alone; SHA-256 of the UTF-8.</summary>
    private static string? Definition(string text)
    {
        var normalized = new StringBuilder();
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = normalized.Length > 0;
                continue;
            }

            if (space)
            {
                normalized.Append(' ');
                space = false;
            }

            normalized.Append(char.ToLowerInvariant(c));
        }

        return normalized.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized.ToString())));
    }
}
