using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PressReleases.Core.Search;

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

    /// <summary>Text with offsets in the postings, so snippets come from the postings highlighter without re-analysis.</summary>
    private static readonly FieldType StoredTextWithOffsets = CreateTextType();

    /// <summary>Searchable only: no stored value, no positions, no norms.</summary>
    private static readonly FieldType WordsOnly = CreateWordsType();

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

    private static FieldType CreateTextType()
    {
        var type = new FieldType(TextField.TYPE_STORED)
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

    public static Document ToDocument(IndexedRelease release)
    {
        var document = new Document
        {
            new StringField(Id, IdTerm(release.Id), Field.Store.YES),
            new NumericDocValuesField(IdValues, release.Id),
            new StringField(Slug, release.Slug, Field.Store.YES),
            new StoredField(Url, release.SourceUrl),
            new Field(Title, release.Title, StoredTextWithOffsets),
            new Field(Body, release.BodyText, StoredTextWithOffsets),
            new Field(TitleWords, release.Title, WordsOnly),
            new Field(Words, release.Title, WordsOnly),
            new Field(Words, release.BodyText, WordsOnly),
        };

        if (BodyHashOf(release.BodyText) is { } hash)
        {
            document.Add(new StringField(BodyHash, hash, Field.Store.YES));
        }

        if (release.Date is { } date)
        {
            var key = DateKey(date);
            document.Add(new Int32Field(Date, key, Field.Store.YES));
            document.Add(new NumericDocValuesField(DateValues, key));
        }

        foreach (var slug in release.MinisterSlugs)
        {
            document.Add(new StringField(Minister, slug, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(Minister, new BytesRef(slug)));
        }

        foreach (var slug in release.PortfolioSlugs)
        {
            document.Add(new StringField(Portfolio, slug, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(Portfolio, new BytesRef(slug)));
        }

        return document;
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the body with whitespace runs collapsed and case ignored; null for a body
    /// with no text, so empty bodies are not all "duplicates" of one another.
    /// </summary>
    public static string? BodyHashOf(string bodyText)
    {
        var normalized = new System.Text.StringBuilder(bodyText.Length);
        var space = false;
        foreach (var c in bodyText)
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

        if (normalized.Length == 0)
        {
            return null;
        }

        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normalized.ToString()));
        return Convert.ToHexStringLower(bytes);
    }

    public static string IdTerm(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the index holds of a release: enough to find, filter, sort, show and highlight it.</summary>
public sealed record IndexedRelease(
    int Id,
    string Slug,
    string Title,
    DateOnly? Date,
    string SourceUrl,
    string BodyText,
    IReadOnlyList<string> MinisterSlugs,
    IReadOnlyList<string> PortfolioSlugs);
