using System.Globalization;

namespace PressReleases.CorpusGenerator.Judged;

/// <summary>A judged query ready to write: its id, answers and split.</summary>
public sealed record JudgedEntry(string Id, string Category, string Query, IReadOnlyList<string> Relevant, string Note, string Split, string? From);

/// <summary>
/// The `judged` verb: generates judged queries of nine kinds from the real corpus, the same ones for the same corpus
/// and seed. Each kind walks the releases in its own seeded random order and takes the first that yield a query,
/// never using a release twice (a gist query and its absent-word twin share theirs); each release gets its own random
/// stream, so what one release yields does not depend on the others.
/// </summary>
public static class JudgedSetGenerator
{
    public const string Tune = "tune";
    public const string Holdout = "holdout";

    public static int Run(string corpusFolder, string output, ulong seed, TextWriter log)
    {
        var corpus = JudgedCorpus.Load(corpusFolder, log);
        var titles = new TitleQueries(corpus);
        var gists = new GistQueries(corpus);
        var quotes = new QuoteQueries(corpus);
        var kinds = new (string Kind, int Count, QueryMaker Make)[]
        {
            ("title", 30, titles.Title),
            ("gist", 40, gists.Gist),
            ("quote", 20, quotes.Quote),
            ("stem", 20, titles.Stem),
            ("macron", 15, titles.Macron),
            ("typo", 15, titles.Typo),
            ("minister-topic", 20, titles.MinisterTopic),
            ("topic-year", 20, titles.TopicYear),
        };

        var used = new HashSet<int>();
        var entries = new List<JudgedEntry>();
        for (var k = 0; k < kinds.Length; k++)
        {
            var (kind, count, make) = kinds[k];
            var streamSeed = seed + ((ulong)k * 0x9E3779B97F4A7C15UL);
            var made = Take(corpus, count, make, used, streamSeed);
            var splits = Splits(made.Count, streamSeed);
            var ids = made.Select((_, i) => Id(kind, i)).ToList();
            entries.AddRange(made.Select((q, i) => Entry(q, ids[i], splits[i])));
            if (kind == "gist")
            {
                // The twins come straight after the gist kind, with the split of the query they extend.
                for (var i = 0; i < made.Count; i++)
                {
                    var random = SplitMix64.ForItem(streamSeed ^ 0xA5A5A5A5UL, made[i].Source.Index);
                    if (gists.WithAbsentWord(made[i], ids[i], ref random) is { } twin)
                    {
                        entries.Add(Entry(twin, Id("gist-absent", i), splits[i]));
                    }
                }
            }
        }

        entries = WithCopies(entries, corpus);
        JudgedFile.Write(output, entries, log);
        foreach (var group in entries.GroupBy(e => e.Category))
        {
            log.WriteLine($"  {group.Key,-15} {group.Count(),3}  ({group.Count(e => e.Split == Tune)} tune, {group.Count(e => e.Split == Holdout)} holdout)");
        }

        log.WriteLine($"  {"generated",-15} {entries.Count,3}");
        return entries.Count >= 220 ? 0 : 1;
    }

    private static List<GeneratedQuery> Take(JudgedCorpus corpus, int count, QueryMaker make, HashSet<int> used, ulong seed)
    {
        var order = corpus.Eligible.ToList();
        var random = new SplitMix64(seed);
        QueryText.Shuffle(order, ref random);
        var made = new List<GeneratedQuery>();
        foreach (var release in order)
        {
            if (made.Count == count)
            {
                break;
            }

            if (used.Contains(release.Index))
            {
                continue;
            }

            var itemRandom = SplitMix64.ForItem(seed, release.Index);
            if (make(release, ref itemRandom) is { } query)
            {
                made.Add(query);
                used.Add(release.Index);
            }
        }

        return made;
    }

    /// <summary>Half the kind's queries tune and half are held out (the odd one out is held out), chosen at random.</summary>
    private static List<string> Splits(int count, ulong seed)
    {
        var order = Enumerable.Range(0, count).ToList();
        var random = new SplitMix64(seed ^ 0x5EED5EEDUL);
        QueryText.Shuffle(order, ref random);
        var splits = new string[count];
        for (var i = 0; i < count; i++)
        {
            splits[order[i]] = i < count / 2 ? Tune : Holdout;
        }

        return [.. splits];
    }

    /// <summary>
    /// A release published twice (same title and date under two addresses, the text the same or nearly so: one copy
    /// may add a contact line) is one release, as related releases treat re-publications: whichever copy ranks first
    /// answers the query, so every copy of an answer is an answer too (at most five answers).
    /// </summary>
    private static List<JudgedEntry> WithCopies(List<JudgedEntry> entries, JudgedCorpus corpus)
    {
        var copies = corpus.Eligible
            .GroupBy(r => (r.Title, r.Parsed.Date))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(r => (r.Slug, Copies: g.Select(c => c.Slug).Where(c => c != r.Slug).Order(StringComparer.Ordinal).ToList())))
            .ToDictionary(c => c.Slug, c => c.Copies, StringComparer.Ordinal);
        return entries.ConvertAll(entry => entry with
        {
            Relevant = entry.Relevant.SelectMany(slug => copies.TryGetValue(slug, out var more) ? [slug, .. more] : new[] { slug })
                .Distinct(StringComparer.Ordinal).Take(5).ToList(),
        });
    }

    private static string Id(string kind, int i) => string.Create(CultureInfo.InvariantCulture, $"{kind}-{i + 1:00}");

    private static JudgedEntry Entry(GeneratedQuery query, string id, string split) =>
        new(id, query.Kind, query.Query, query.Relevant, query.Note, split, query.From);
}
