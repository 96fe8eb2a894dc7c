using System.Globalization;

namespace PressReleases.CorpusGenerator;

/// <summary>The statistics turned into ready-to-draw tables. Built once; read-only afterwards.</summary>
public sealed class SyntheticModel
{
    public SyntheticModel(CorpusStats stats)
    {
        Stats = stats;
        Months = stats.Months.Keys.ToArray();
        MonthTable = new AliasTable(stats.Months.Values.Select(v => (double)v).ToArray());
        MinistersPerRelease = Table(stats.MinistersPerRelease);
        PortfoliosPerRelease = Table(stats.PortfoliosPerRelease);
        AttachmentsPerRelease = Table(stats.AttachmentsPerRelease);

        MinisterNames = stats.Ministers.Select(m => m.Name).ToArray();
        MinisterPortfolios = stats.Ministers.Select(m => Words(m.Portfolios)).ToArray();
        OrphanPortfolios = Words(stats.PortfoliosWithoutMinister);
        foreach (var year in stats.Ministers.SelectMany(m => m.Years.Keys).Distinct())
        {
            var members = Enumerable.Range(0, stats.Ministers.Count).Where(i => stats.Ministers[i].Years.ContainsKey(year)).ToArray();
            MinistersByYear[year] = (members, new AliasTable(members.Select(i => (double)stats.Ministers[i].Years[year]).ToArray()));
        }

        TitleWords = Words(stats.TitleWords);
        BodyWords = Words(stats.BodyWords);

        realReleases = Math.Max(1, stats.Files - stats.Rejected);
    }

    private readonly int realReleases;

    public CorpusStats Stats { get; }
    public string[] Months { get; }
    public AliasTable MonthTable { get; }
    public AliasTable MinistersPerRelease { get; }
    public AliasTable PortfoliosPerRelease { get; }
    public AliasTable AttachmentsPerRelease { get; }
    public string[] MinisterNames { get; }
    public WordTable[] MinisterPortfolios { get; }
    public WordTable OrphanPortfolios { get; }
    public Dictionary<string, (int[] Members, AliasTable Table)> MinistersByYear { get; } = new(StringComparer.Ordinal);
    public WordTable TitleWords { get; }
    public WordTable BodyWords { get; }
    /// <summary>
    /// How many made-up rare words release <paramref name="index"/> may draw from. Heaps' law (distinct
    /// words grow about as size^0.6): past the real corpus' size the pool grows with the position, so a
    /// bigger corpus gets a bigger rare-word tail, as a real one would, and release i still depends only
    /// on (seed, i), whatever the count.
    /// </summary>
    public int TailWordPoolAt(long index)
    {
        var scale = Math.Max(1.0, (double)(index + 1) / realReleases);
        return Math.Max(1_000, (int)Math.Min(50_000_000, Stats.TailDistinctWords * Math.Pow(scale, 0.6)));
    }

    private static AliasTable Table(int[] histogram) =>
        new(histogram.Length == 0 ? [1.0] : histogram.Select(v => (double)v).ToArray());

    private static WordTable Words(List<string> entries)
    {
        var split = entries.Select(CorpusStats.SplitEntry).ToArray();
        return split.Length == 0 ? WordTable.Empty : new WordTable(split.Select(s => s.Text).ToArray(), new AliasTable(split.Select(s => (double)s.Count).ToArray()));
    }

    public static int DaysIn(string month) =>
        month == "0001-01" ? 1 : DateTime.DaysInMonth(int.Parse(month[..4], CultureInfo.InvariantCulture), int.Parse(month[5..], CultureInfo.InvariantCulture));
}

/// <summary>Words (or names) with their weights.</summary>
public sealed class WordTable(string[] words, AliasTable? table)
{
    public static readonly WordTable Empty = new([], null);

    public bool IsEmpty => words.Length == 0;

    public string Sample(ref SplitMix64 random) => words[table!.Sample(ref random)];
}
