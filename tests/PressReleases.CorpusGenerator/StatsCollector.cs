using System.Text.RegularExpressions;
using PressReleases.Core.Releases;

namespace PressReleases.CorpusGenerator;

/// <summary>The `stats` verb: reads the real corpus once and keeps only its counts and distributions.</summary>
public static partial class StatsCollector
{
    public const int BodyVocabulary = 15_000;
    public const int TitleVocabulary = 4_000;

    public static CorpusStats Collect(string corpus)
    {
        var stats = new CorpusStats
        {
            Source = "Derived from the New Zealand Government press releases published on beehive.govt.nz (Crown copyright), "
                + "by `PressReleases.CorpusGenerator stats`. Counts and distributions only; no release text.",
        };
        var ministersPer = new List<int>();
        var portfoliosPer = new List<int>();
        var attachmentsPer = new List<int>();
        var ministers = new Dictionary<string, (SortedDictionary<string, int> Years, Dictionary<string, int> Portfolios)>(StringComparer.Ordinal);
        var orphanPortfolios = new Dictionary<string, int>(StringComparer.Ordinal);
        List<int> titleWords = [], bodyWords = [], paragraphWords = [], sentenceWords = [];
        var titleForms = new Dictionary<string, int>(StringComparer.Ordinal);
        var bodyForms = new Dictionary<string, int>(StringComparer.Ordinal);
        long paragraphs = 0, bullets = 0, headings = 0, numberTokens = 0, wordTokens = 0;

        foreach (var path in RealRelease.FilesIn(corpus))
        {
            stats.Files++;
            stats.TotalBytes += new FileInfo(path).Length;
            if (RealRelease.TryRead(path) is not { } release)
            {
                stats.Rejected++;
                continue;
            }

            var month = release.Month;
            stats.Months[month] = stats.Months.GetValueOrDefault(month) + 1;
            var people = release.Ministers.Where(m => MinisterNames.Normalize(m).IsPerson).Distinct().ToList();
            var portfolios = release.Portfolios.Where(p => PortfolioNames.Normalize(p).IsPortfolio).Distinct().ToList();
            ministersPer.Add(people.Count);
            portfoliosPer.Add(portfolios.Count);
            attachmentsPer.Add(release.Attachments);
            foreach (var person in people)
            {
                if (!ministers.TryGetValue(person, out var entry))
                {
                    entry = ([], new Dictionary<string, int>(StringComparer.Ordinal));
                    ministers[person] = entry;
                }

                entry.Years[month[..4]] = entry.Years.GetValueOrDefault(month[..4]) + 1;
                foreach (var portfolio in portfolios)
                {
                    entry.Portfolios[portfolio] = entry.Portfolios.GetValueOrDefault(portfolio) + 1;
                }
            }

            if (people.Count == 0)
            {
                foreach (var portfolio in portfolios)
                {
                    orphanPortfolios[portfolio] = orphanPortfolios.GetValueOrDefault(portfolio) + 1;
                }
            }

            var titleCount = 0;
            foreach (var (token, isNumber) in Tokens.Split(release.Title))
            {
                titleCount++;
                if (!isNumber)
                {
                    titleForms[token] = titleForms.GetValueOrDefault(token) + 1;
                }
            }

            titleWords.Add(titleCount);
            var bodyCount = 0;
            foreach (var paragraph in Paragraphs(release.ReadableBody))
            {
                paragraphs++;
                if (paragraph.StartsWith('#'))
                {
                    headings++;
                }
                else if (paragraph.StartsWith("- ", StringComparison.Ordinal) || paragraph.StartsWith("* ", StringComparison.Ordinal) || paragraph.StartsWith("• ", StringComparison.Ordinal))
                {
                    bullets++;
                }

                var inParagraph = 0;
                foreach (var sentence in SentenceBreak().Split(paragraph))
                {
                    var inSentence = 0;
                    foreach (var (token, isNumber) in Tokens.Split(sentence))
                    {
                        inSentence++;
                        if (isNumber)
                        {
                            numberTokens++;
                        }
                        else
                        {
                            wordTokens++;
                            bodyForms[token] = bodyForms.GetValueOrDefault(token) + 1;
                        }
                    }

                    if (inSentence > 0)
                    {
                        sentenceWords.Add(inSentence);
                    }

                    inParagraph += inSentence;
                }

                if (inParagraph > 0)
                {
                    paragraphWords.Add(inParagraph);
                }

                bodyCount += inParagraph;
            }

            bodyWords.Add(bodyCount);
        }

        stats.MinistersPerRelease = Histogram(ministersPer);
        stats.PortfoliosPerRelease = Histogram(portfoliosPer);
        stats.AttachmentsPerRelease = Histogram(attachmentsPer);
        stats.Ministers = ministers
            .OrderByDescending(m => m.Value.Years.Values.Sum()).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new MinisterStats { Name = m.Key, Years = m.Value.Years, Portfolios = Entries(m.Value.Portfolios, int.MaxValue) })
            .ToList();
        stats.PortfoliosWithoutMinister = Entries(orphanPortfolios, int.MaxValue);
        stats.TitleWordPercentiles = Quantiles.Of(titleWords);
        stats.BodyWordPercentiles = Quantiles.Of(bodyWords);
        stats.ParagraphWordPercentiles = Quantiles.Of(paragraphWords);
        stats.SentenceWordPercentiles = Quantiles.Of(sentenceWords);
        stats.BulletParagraphShare = Math.Round((double)bullets / Math.Max(1, paragraphs), 4);
        stats.HeadingParagraphShare = Math.Round((double)headings / Math.Max(1, paragraphs), 4);
        stats.NumberTokenShare = Math.Round((double)numberTokens / Math.Max(1, numberTokens + wordTokens), 4);

        var body = FoldForms(bodyForms);
        stats.BodyWords = Entries(body, BodyVocabulary);
        var kept = stats.BodyWords.Sum(e => (long)CorpusStats.SplitEntry(e).Count);
        stats.TailTokenShare = Math.Round(1 - (double)kept / Math.Max(1, wordTokens), 4);
        stats.TailDistinctWords = Math.Max(0, body.Count - BodyVocabulary);
        stats.TitleWords = Entries(FoldForms(titleForms), TitleVocabulary);
        return stats;
    }

    /// <summary>Paragraphs separated by blank lines; list items count one each, as a reader sees them.</summary>
    private static IEnumerable<string> Paragraphs(string body)
    {
        foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (block.Contains("\n- ", StringComparison.Ordinal) || block.Contains("\n* ", StringComparison.Ordinal))
            {
                foreach (var line in block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return line;
                }
            }
            else
            {
                yield return block;
            }
        }
    }

    /// <summary>
    /// Counts by lower-case word, shown in its most frequent spelling ("New Zealand", "Māori", "the"),
    /// so generated text keeps the real corpus' capitals without doubling its vocabulary.
    /// </summary>
    private static Dictionary<string, int> FoldForms(Dictionary<string, int> forms) =>
        forms.GroupBy(f => f.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(
                g => g.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key,
                g => g.Sum(f => f.Value),
                StringComparer.Ordinal);

    private static List<string> Entries(Dictionary<string, int> counts, int limit) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(limit).Select(c => CorpusStats.Entry(c.Key, c.Value)).ToList();

    private static int[] Histogram(List<int> values)
    {
        var result = new int[values.Count == 0 ? 1 : values.Max() + 1];
        foreach (var v in values)
        {
            result[v]++;
        }

        return result;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();
}
