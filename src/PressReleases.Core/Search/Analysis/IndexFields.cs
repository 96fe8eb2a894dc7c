using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Search.Analysis;

/// <summary>The index's fields and how a release becomes a Lucene document.</summary>
public static class IndexFields
{
    public const string Id = "id";
    public const string IdValues = "id_dv";
    public const string Slug = "slug";
    public const string Url = "url";
    public const string Title = "title";
    public const string Body = "body";

    /// <summary>SHA-256 (hex) of the normalized body text, for releases with a body: finds exact duplicates.</summary>
    public const string BodyHash = "body_hash";

    /// <summary>Title and body as whole words (no stemming, no stop words): for prefix queries.</summary>
    public const string Words = "words";

    /// <summary>The title as whole words: for title-only prefix queries.</summary>
    public const string TitleWords = "title_words";
    public const string Date = "date";
    public const string DateValues = "date_dv";
    public const string Minister = "minister";
    public const string Portfolio = "portfolio";

    /// <summary>
    /// Present, with the value <see cref="WithdrawnValue"/>, only on releases whose file left the source: they stay
    /// in the index so they can be searched on request, and every search leaves them out unless asked.
    /// </summary>
    public const string Status = "status";

    public const string WithdrawnValue = "withdrawn";

    /// <summary>The term every withdrawn release's document holds.</summary>
    public static Term WithdrawnTerm => new(Status, WithdrawnValue);

    /// <summary>The field holding a release's slugs of one kind: <see cref="Minister"/> or <see cref="Portfolio"/>.</summary>
    public static string NameField(NameKind kind) => kind == NameKind.Minister ? Minister : Portfolio;

    /// <summary>Text with offsets in the postings, so snippets come from the postings highlighter without re-analysis.</summary>
    internal static readonly FieldType StoredTextWithOffsets = CreateTextType(stored: true);

    /// <summary>As <see cref="StoredTextWithOffsets"/> without the stored value: for text analysed ahead (the body).</summary>
    internal static readonly FieldType TextWithOffsets = CreateTextType(stored: false);

    /// <summary>Searchable only: no stored value, no positions, no norms.</summary>
    internal static readonly FieldType WordsOnly = CreateWordsType();

    public static bool IsWordField(string field) => field is Words or TitleWords;

    private static FieldType CreateWordsType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            OmitNorms = true,
            IndexOptions = IndexOptions.DOCS_ONLY,
        };
        type.Freeze();
        return type;
    }

    private static FieldType CreateTextType(bool stored)
    {
        var type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    /// <summary>Dates as yyyymmdd integers: sortable, range-filterable, and the year is value / 10000.</summary>
    public static int DateKey(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public static DateOnly? FromDateKey(long key) =>
        key <= 0 ? null : new DateOnly((int)(key / 10000), (int)(key / 100 % 100), (int)(key % 100));

    /// <summary>
    /// SHA-256 (lower-case hex) of the body with whitespace runs collapsed and case ignored; null for a body
    /// with no text, so empty bodies are not all "duplicates" of one another.
    /// </summary>
    public static string? BodyHashOf(string bodyText)
    {
        // Normalized into a pooled buffer (never longer than the text: a space replaces a whitespace run).
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bodyText.Length, 1));
        byte[]? bytes = null;
        try
        {
            var length = 0;
            var space = false;
            foreach (var c in bodyText)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = length > 0;
                    continue;
                }

                if (space)
                {
                    chars[length++] = ' ';
                    space = false;
                }

                chars[length++] = char.ToLowerInvariant(c);
            }

            if (length == 0)
            {
                return null;
            }

            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
            var count = Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, count), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    public static string IdTerm(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
