using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// Writes judged-queries.json: the hand-written queries and header already in the file are kept (each hand-written
/// query is marked hand-written and held out), the generated kinds' rules, descriptions and queries are replaced, so
/// running the verb again gives the same file.
/// </summary>
public static class JudgedFile
{
    public const string Generated = "generated";
    public const string HandWritten = "hand-written";
    private const string GeneratedRulePrefix = "Generated ";

    /// <summary>What each generated kind tests (minister-topic is shared with hand-written queries).</summary>
    private static readonly (string Kind, string About)[] Kinds =
    [
        ("title", "generated: a title half remembered: 3-6 of its words, one dropped or two swapped"),
        ("gist", "generated: 2-3 names from the body that the title lacks (a place, an organisation, a programme, a person)"),
        ("gist-absent", "generated: a gist query plus one plausible word the release never uses ('funding', 'scheme', ...)"),
        ("quote", "generated: a quoted phrase of 3-5 body words, sometimes with a title word after it"),
        ("stem", "generated: title words, one or two in another form of the same stem"),
        ("macron", "generated: title words typed without the title's macrons"),
        ("typo", "generated: 3-4 title words, one misspelled (found directly or through Did you mean)"),
        ("minister-topic", "a minister (plain words or minister:) and a subject; hand-written: every title that names both; generated: the one release of that minister whose title has the words"),
        ("topic-year", "generated: 2-3 title words and the release's year"),
    ];

    private static readonly string[] Rules =
    [
        GeneratedRulePrefix + "queries (source 'generated') come from `dotnet run -c Release --project tests/PressReleases.CorpusGenerator -- judged --corpus ../shared/corpus/beehive/releases --out tests/PressReleases.SearchQuality.Tests/judged-queries.json --seed 1`; these are docs/search-quality.md's rules, in short. Each note names the source file and how the query was cut from it. They are never edited by hand: change the rules and regenerate.",
        GeneratedRulePrefix + "answers: releases read with the real parser, with a real date and a body, whose url occurs once and ends in the slug exactly, and whose body no other release repeats. 'Contains a word' is decided on the analyzer's stemmed terms (ReleaseAnalyzer, body field). No release is the source of two generated queries (but a gist query and its twin).",
        GeneratedRulePrefix + "title, stem, macron, typo, minister-topic, topic-year: cut from a title no other release shares, from its content words (not stop or function words, 3+ letters, no digits, not 'minister', 'government', 'new', 'zealand', 'nz', 'hon', 'says', 'said', used by 2+ releases), taking the rarest where a kind takes some; the answer is the source, and no other title (among the minister's releases, or the year's) holds every query word by stem. title: 3-6 words, one dropped (never of the two rarest) or two neighbours swapped. stem: 2-4 words, one or two in their most used other form with the same stem. macron: 2-5 words, one with a macron, macrons removed. typo: 3-4 words, one of 6+ letters with a letter left out, two neighbours swapped or a neighbouring key (never the first letter), giving no word of the corpus. minister-topic: a minister's surname or full name and 2-3 words. topic-year: 2-3 words and the year.",
        GeneratedRulePrefix + "gist: 2-3 names (2-4 words) from the first 3 paragraphs (6 when 3 give fewer than 2): words the body capitalises mid-sentence and never writes in lower case (nor the corpus in lower case in over 1 release in 5), neighbours joined ('Waikato River', 'Bay of Plenty'), leading roles dropped ('Sir', 'Mayor'), no acronym of 3 letters or fewer; one word of each name in under 1% of releases and none in 10% or more; no word in the title or the release's ministers' names (by stem); all the words together in at most 5 releases. The answer is the source.",
        GeneratedRulePrefix + "gist-absent: each gist query plus one word from a fixed list ('announcement', 'scheme', 'funding', 'plan', 'update', 'support', 'programme', 'project', 'initiative', 'package', 'review', 'report', 'investment', 'policy', 'strategy', 'boost', 'changes', 'new') that the source uses nowhere, title or body, by stem ('new' in front, the others after); 'from' names the gist query, whose answer and split it keeps.",
        GeneratedRulePrefix + "quote: 3-5 neighbouring body words with only spaces between them (from a quotation in the first 8 paragraphs when there is one), first and last neither stop nor function words, one in under 2% of releases, no digits; half get a title word of the source after the phrase. The answers are every release whose title or body holds the phrase as the analyzer reads it (the same terms in order, with the same stop-word gaps) and the extra word, if any: 1-5 releases.",
        GeneratedRulePrefix + "splits: half of each generated kind is 'tune' and half 'holdout' (the odd one held out; a gist query and its twin share theirs); hand-written queries are all 'holdout'. Tune ranking on the tune split; report both.",
    ];

    public static void Write(string path, IReadOnlyList<JudgedEntry> generated, TextWriter log)
    {
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : new JsonObject { ["about"] = "Judged queries for the search-quality evaluation of PressReleases (see docs/search-quality.md)." };

        var judging = new JsonArray();
        foreach (var rule in (root["judging"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).Where(r => !r.StartsWith(GeneratedRulePrefix, StringComparison.Ordinal)).Concat(Rules))
        {
            judging.Add(rule);
        }

        // Categories keep their place; a generated kind's description replaces the one written for it, if any.
        var categories = new JsonObject();
        foreach (var (name, about) in (root["categories"]?.AsObject() ?? []).Select(c => (c.Key, c.Value!.GetValue<string>())).Concat(Kinds))
        {
            categories[name] = Kinds.FirstOrDefault(k => k.Kind == name).About ?? about;
        }

        var queries = new JsonArray();
        var hand = (root["queries"]?.AsArray() ?? []).Select(q => q!.AsObject()).Where(q => q["source"]?.GetValue<string>() != Generated).ToList();
        foreach (var query in hand)
        {
            var copy = query.DeepClone().AsObject();
            copy["split"] = JudgedSetGenerator.Holdout;
            copy["source"] = HandWritten;
            queries.Add(copy);
        }

        foreach (var entry in generated)
        {
            var node = new JsonObject
            {
                ["id"] = entry.Id,
                ["category"] = entry.Category,
                ["query"] = entry.Query,
                ["relevant"] = new JsonArray([.. entry.Relevant.Select(s => JsonValue.Create(s))]),
                ["note"] = entry.Note,
                ["split"] = entry.Split,
                ["source"] = Generated,
            };
            if (entry.From is { } from)
            {
                node["from"] = from;
            }

            queries.Add(node);
        }

        var file = new JsonObject
        {
            ["about"] = root["about"]?.GetValue<string>(),
            ["judging"] = judging,
            ["categories"] = categories,
            ["queries"] = queries,
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(path, file.ToJsonString(options) + "\n");
        log.WriteLine($"wrote {path}: {hand.Count} hand-written and {generated.Count} generated queries");
    }
}
