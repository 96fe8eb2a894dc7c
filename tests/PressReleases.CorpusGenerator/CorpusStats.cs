using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PressReleases.CorpusGenerator;

/// <summary>
/// What the generator knows of the real corpus: counts and distributions only, never a release's text.
/// Written by the `stats` verb, checked in, and read by generation so it does not need the corpus.
/// Word lists are "word count" strings, one a line in the file, so the file stays small and diffable.
/// </summary>
public sealed class CorpusStats
{
    public string Source { get; set; } = "";
    public int Files { get; set; }
    public int Rejected { get; set; }
    public long TotalBytes { get; set; }

    /// <summary>Releases per "YYYY-MM"; "0001-01" is the export's unknown date.</summary>
    public SortedDictionary<string, int> Months { get; set; } = [];

    /// <summary>How many releases list 0, 1, 2… ministers (index = count).</summary>
    public int[] MinistersPerRelease { get; set; } = [];
    public int[] PortfoliosPerRelease { get; set; } = [];
    public int[] AttachmentsPerRelease { get; set; } = [];

    public List<MinisterStats> Ministers { get; set; } = [];

    /// <summary>Portfolios of releases that list no minister ("portfolio count").</summary>
    public List<string> PortfoliosWithoutMinister { get; set; } = [];

    public int[] TitleWordPercentiles { get; set; } = [];
    public int[] BodyWordPercentiles { get; set; } = [];
    public int[] ParagraphWordPercentiles { get; set; } = [];
    public int[] SentenceWordPercentiles { get; set; } = [];

    /// <summary>Share of body paragraphs written as a bullet list item / a heading.</summary>
    public double BulletParagraphShare { get; set; }
    public double HeadingParagraphShare { get; set; }

    /// <summary>Share of body tokens that are numbers ("$330", "12.1", "2020").</summary>
    public double NumberTokenShare { get; set; }

    /// <summary>Share of word tokens outside <see cref="BodyWords"/>, and how many distinct words that tail holds.</summary>
    public double TailTokenShare { get; set; }
    public int TailDistinctWords { get; set; }

    public List<string> TitleWords { get; set; } = [];
    public List<string> BodyWords { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    public static CorpusStats Load(string path) =>
        JsonSerializer.Deserialize<CorpusStats>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no statistics");

    /// <summary>Splits a "word count" entry; the word may itself hold spaces (names).</summary>
    public static (string Text, int Count) SplitEntry(string entry)
    {
        var cut = entry.LastIndexOf(' ');
        return (entry[..cut], int.Parse(entry[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string Entry(string text, int count) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text} {count}");
}

/// <summary>One minister entry as the export writes it ("Hon Phil Twyford"), when they released, and under which portfolios.</summary>
public sealed class MinisterStats
{
    public string Name { get; set; } = "";
    public SortedDictionary<string, int> Years { get; set; } = [];

    /// <summary>"portfolio count" entries, most frequent first.</summary>
    public List<string> Portfolios { get; set; } = [];
}
