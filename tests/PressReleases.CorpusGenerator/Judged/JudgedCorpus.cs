using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// The whole corpus read once with the real parser and analyzer: every release, the ones a judged query may
/// name, how many releases use each term and each whole word, and which releases' titles hold each term.
/// </summary>
public sealed partial class JudgedCorpus
{
    private readonly Dictionary<string, List<JudgedRelease>> byTitleTerm;
    private readonly Dictionary<string, List<JudgedRelease>> byTerm;
    private readonly HashSet<string> sharedTitles;

    private JudgedCorpus(IReadOnlyList<JudgedRelease> releases, Analysis analysis)
    {
        Releases = releases;
        Analysis = analysis;
        TermFrequency = Count(releases.Select(r => r.Terms.Items));
        WordFrequency = Count(releases.Select(r => r.Words));
        byTitleTerm = Postings(releases, r => r.TitleTerms);
        byTerm = Postings(releases, r => r.Terms);
        sharedTitles = releases.GroupBy(r => NormalTitle(r.Title), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        Eligible = FindEligible(releases);
    }

    public Analysis Analysis { get; }

    /// <summary>Every release the parser accepted, in the ingester's (ordinal path) order.</summary>
    public IReadOnlyList<JudgedRelease> Releases { get; }

    /// <summary>Releases whose slug is certain and whose answer is unambiguous (see <see cref="FindEligible"/>).</summary>
    public IReadOnlyList<JudgedRelease> Eligible { get; }

    /// <summary>Stemmed term → number of releases whose title or body holds it.</summary>
    public IReadOnlyDictionary<string, int> TermFrequency { get; }

    /// <summary>Whole word (folded, unstemmed) → number of releases that use it: the corpus' real words.</summary>
    public IReadOnlyDictionary<string, int> WordFrequency { get; }

    /// <summary>
    /// Word in lower case → (releases whose body writes it in lower case, releases that write it at all, any case): a
    /// word mostly written in lower case ("convenor", "fifth") is an ordinary word even where it is capitalised.
    /// </summary>
    public IReadOnlyDictionary<string, (int LowerCase, int AnyCase)> CaseUse { get; private init; } = new Dictionary<string, (int, int)>();

    public double DocumentShare(string term) => (double)TermFrequency.GetValueOrDefault(term) / Releases.Count;

    public bool IsTitleShared(JudgedRelease release) => sharedTitles.Contains(NormalTitle(release.Title));

    /// <summary>The releases whose title holds every one of the terms.</summary>
    public IEnumerable<JudgedRelease> TitlesWithAll(IReadOnlyCollection<string> terms)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var lists = terms.Select(t => byTitleTerm.GetValueOrDefault(t) ?? []).OrderBy(l => l.Count).ToList();
        return lists[0].Where(r => r.TitleContains(terms));
    }

    /// <summary>The releases whose title or body holds every one of the terms.</summary>
    public IEnumerable<JudgedRelease> ReleasesWithAll(IReadOnlyCollection<string> terms)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var lists = terms.Select(t => byTerm.GetValueOrDefault(t) ?? []).OrderBy(l => l.Count).ToList();
        return lists[0].Where(r => r.Contains(terms));
    }

    public static JudgedCorpus Load(string folder, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var files = ReleaseFiles.Enumerate(folder);
        var parser = new ReleaseFileParser(new MarkdownRenderer());
        var analysis = new Analysis();
        var read = new JudgedRelease?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            ParsedRelease parsed;
            try
            {
                parsed = parser.Parse(File.ReadAllBytes(files[i].FullPath));
            }
            catch (ReleaseFileException)
            {
                return;
            }

            var titleWords = analysis.Words(parsed.Title);
            var words = titleWords.Concat(analysis.Words(parsed.BodyText)).Distinct(StringComparer.Ordinal).Select(analysis.Share).ToArray();
            read[i] = new JudgedRelease(
                i,
                files[i].RelativePath,
                parsed,
                words,
                new TermSet(words.Select(analysis.StemOfWord).Where(t => t.Length > 0)),
                new TermSet(titleWords.Select(analysis.StemOfWord).Where(t => t.Length > 0)));
        });

        var releases = read.OfType<JudgedRelease>().ToList();
        var corpus = new JudgedCorpus(releases, analysis) { CaseUse = CountCaseUse(releases) };
        log.WriteLine($"read {files.Count:N0} files in {clock.Elapsed.TotalSeconds:F1} s: {releases.Count:N0} releases, {corpus.Eligible.Count:N0} may be judged");
        return corpus;
    }

    /// <summary>
    /// A release may be an answer when the ingester certainly gives it the slug its url ends with and nothing else
    /// can stand in for it: a real date and a body; the only release with its base slug (a repeated url gets a dated
    /// slug, depending on which file comes first) whose url's last segment is that slug exactly (so an engine that
    /// knows only urls, as the FTS5 comparison does, names it the same way); and no other release with the same body.
    /// </summary>
    private static List<JudgedRelease> FindEligible(IReadOnlyList<JudgedRelease> releases)
    {
        var slugCounts = releases.CountBy(r => r.Slug, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var bodyCounts = releases.CountBy(r => IndexFields.BodyHashOf(r.Body) ?? "", StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        return releases.Where(r =>
                r.Parsed.Date is not null
                && !string.IsNullOrWhiteSpace(r.Body)
                && slugCounts[r.Slug] == 1
                && LastUrlSegment(r.Parsed.Url) == r.Slug
                && bodyCounts[IndexFields.BodyHashOf(r.Body)!] == 1)
            .ToList();
    }

    private static string LastUrlSegment(string url) =>
        Uri.UnescapeDataString(new Uri(url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "");

    private static string NormalTitle(string title) => string.Join(' ', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, (int LowerCase, int AnyCase)> CountCaseUse(IReadOnlyList<JudgedRelease> releases)
    {
        var counts = new ConcurrentDictionary<string, (int LowerCase, int AnyCase)>(StringComparer.Ordinal);
        Parallel.ForEach(releases, release =>
        {
            var lowerCase = new HashSet<string>(StringComparer.Ordinal);
            var anyCase = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in Word().Matches(release.Body))
            {
                var lower = match.Value.ToLowerInvariant();
                anyCase.Add(lower);
                if (char.IsLower(match.Value[0]))
                {
                    lowerCase.Add(lower);
                }
            }

            foreach (var word in anyCase)
            {
                var inLowerCase = lowerCase.Contains(word) ? 1 : 0;
                counts.AddOrUpdate(word, (inLowerCase, 1), (_, n) => (n.LowerCase + inLowerCase, n.AnyCase + 1));
            }
        });
        return new Dictionary<string, (int, int)>(counts, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"[\p{L}\p{M}]+")]
    private static partial Regex Word();

    /// <summary>Term → the releases that hold it, in corpus order.</summary>
    private static Dictionary<string, List<JudgedRelease>> Postings(IReadOnlyList<JudgedRelease> releases, Func<JudgedRelease, TermSet> terms)
    {
        var postings = new Dictionary<string, List<JudgedRelease>>(StringComparer.Ordinal);
        foreach (var release in releases)
        {
            foreach (var term in terms(release).Items)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(release);
            }
        }

        return postings;
    }

    private static Dictionary<string, int> Count(IEnumerable<IEnumerable<string>> sets)
    {
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Parallel.ForEach(sets, set =>
        {
            foreach (var item in set)
            {
                counts.AddOrUpdate(item, 1, (_, n) => n + 1);
            }
        });
        return new Dictionary<string, int>(counts, StringComparer.Ordinal);
    }
}
