using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PressReleases.Core.Releases;
using PressReleases.Core.Search.Analysis;

namespace PressReleases.Core.Search.Querying;

/// <summary>
/// Builds the Lucene query for what a user typed. Plain words must all match (in the title or the body,
/// the title weighted higher); "quoted phrases" match in order; -word excludes; OR joins alternatives;
/// word* matches a prefix (expansion bounded); title:, minister: and portfolio: narrow to a field.
/// Every word goes through the index's own analyzer, so stemming and diacritic folding agree on both sides.
/// </summary>
public sealed class UserQueryParser(ReleaseAnalyzer analyzer)
{
    /// <summary>Characters of a query that are read; the rest is cut, and the reading says so.</summary>
    public const int MaxQueryLength = 1_000;

    public const int MaxClauses = 32;

    private static readonly IReadOnlyDictionary<string, string> EmptyNames = new Dictionary<string, string>();
    public const int MaxPrefixExpansions = 256;
    public const float TitleBoost = 3f;
    public const float ProximityBoost = 2f;
    public const float AllWordsInTitleBoost = 2f;

    /// <summary>
    /// When releases missing a word are listed, each word a release has adds this times the word's rarity (its
    /// BM25 inverse document frequency): a release missing a rare word ranks below one missing a common word,
    /// however often or briefly either uses the words it has. Large enough that coverage, not term frequency,
    /// orders them (measured in docs/search-quality.md: from 1 to 8 the "gist plus a word it lacks" queries rose
    /// from 0.59 to 0.83 MRR; above 8 nothing changed).
    /// </summary>
    public const float CoverageWeight = 8f;

    /// <summary>Added to a release by the minister that words of the query name ("ardern"), beside matching the words.</summary>
    public const float NamedMinisterBoost = 4f;

    /// <summary>Added to a release from the year a word of the query names ("2019"), beside matching the word.</summary>
    public const float NamedYearBoost = 4f;

    /// <summary>
    /// Added to the score of a release with every plain word when the words are read as "at least some of
    /// them": more than any release scores from the words themselves (a BM25 term scores at most about 25, a
    /// title match three times that, and a query has at most <see cref="MaxClauses"/> clauses), so releases
    /// with every word come first; small enough that a float still tells their scores apart to a thousandth.
    /// </summary>
    public const float AllWordsBonus = 10_000f;
    private const int ProximitySlop = 3;

    /// <param name="input">What the user typed.</param>
    /// <param name="ministers">Known minister slugs and display names, to resolve minister: filters.</param>
    /// <param name="portfolios">Known portfolio slugs and display names, to resolve portfolio: filters.</param>
    /// <param name="minimumWords">
    /// Read the positive plain words and phrases (when there are at least two) as "at least this many of them":
    /// releases with every one still come first (<see cref="AllWordsBonus"/>), those missing some follow by their
    /// score. Filters, prefixes, OR-groups, title: words and exclusions keep their meaning. Null (the default):
    /// every plain word must match. Used when few or no releases have all the words.
    /// </param>
    /// <param name="searcher">
    /// The index, to tell a surname that is mostly a minister's name from an everyday word; without it only full
    /// names and years are read as such.
    /// </param>
    /// <param name="unmatched">
    /// With <paramref name="minimumWords"/>: the positions in <see cref="ParsedQuery.PlainClauses"/> of clauses known
    /// to match no release (<c>ClauseMatches.Unmatched</c>). They still count among the words, and every release
    /// lacks them, but they are not searched: a phrase of common words that never stand together would otherwise
    /// have its positions checked in every release holding the words, in each part of the widened query.
    /// </param>
    public ParsedQuery Parse(
        string? input, IReadOnlyDictionary<string, string> ministers, IReadOnlyDictionary<string, string> portfolios, int? minimumWords = null, IndexSearcher? searcher = null,
        IReadOnlySet<int>? unmatched = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ParsedQuery.Empty;
        }

        var notes = new List<string>();
        if (input.Length > MaxQueryLength)
        {
            input = input[..MaxQueryLength];
            notes.Add($"the query was cut to its first {MaxQueryLength:N0} characters");
        }

        var read = QueryTokenizer.Read(input, MaxClauses);
        notes.AddRange(read.Notes);

        var query = new BooleanQuery();
        var highlightTerms = new HashSet<string>(StringComparer.Ordinal);
        var highlightPrefixes = new List<string>();
        var must = new List<string>();
        var mustNot = new List<string>();
        var plainTerms = new List<string>();
        var plainGroups = new List<(Query Query, string Description)>();
        var plainTexts = new List<string>();
        var positives = 0;
        var readings = new NameAndYearWords(ministers, searcher).Find(read.Groups, input).ToDictionary(r => r.First);

        for (var g = 0; g < read.Groups.Count; g++)
        {
            if (readings.TryGetValue(g, out var named))
            {
                // Words that name a minister or a year match as words or as that minister's or year's releases.
                var clauses = read.Groups.Skip(g).Take(named.Count).Select(words => words[0]).ToList();
                var reading = Named(named.Reading, clauses, highlightTerms, highlightPrefixes, notes);
                g += named.Count - 1;
                if (reading is null)
                {
                    continue;
                }

                positives++;
                plainGroups.Add(reading.Value);
                plainTexts.Add(named.Reading.Text);
                clauses.ForEach(clause => plainTerms.AddRange(analyzer.Terms(IndexFields.Body, clause.Text)));
                if (minimumWords is null)
                {
                    query.Add(reading.Value.Query, Occur.MUST);
                    must.Add(reading.Value.Description);
                }

                continue;
            }

            var group = read.Groups[g];
            var parts = new List<(Query Query, string Description)>();
            foreach (var clause in group)
            {
                var built = BuildClause(clause, ministers, portfolios, notes, clause.Negated ? null : highlightTerms, clause.Negated ? null : highlightPrefixes);
                if (built is not null)
                {
                    parts.Add(built.Value);
                }
            }

            if (parts.Count == 0)
            {
                continue;
            }

            var negated = group[0].Negated;
            Query groupQuery;
            if (parts.Count == 1)
            {
                groupQuery = parts[0].Query;
            }
            else
            {
                var any = new BooleanQuery();
                foreach (var part in parts)
                {
                    any.Add(part.Query, Occur.SHOULD);
                }

                groupQuery = any;
            }

            var description = string.Join(" or ", parts.Select(p => p.Description));
            if (negated)
            {
                query.Add(groupQuery, Occur.MUST_NOT);
                mustNot.Add(description);
            }
            else
            {
                positives++;
                if (group.Count == 1 && group[0] is { Kind: ClauseKind.Word or ClauseKind.Phrase, TitleOnly: false })
                {
                    plainGroups.Add((groupQuery, description));
                    plainTexts.Add(group[0].Text);
                    if (minimumWords is not null)
                    {
                        continue;
                    }
                }

                query.Add(groupQuery, Occur.MUST);
                must.Add(parts.Count > 1 ? $"({description})" : description);
                if (group.Count == 1 && group[0] is { Kind: ClauseKind.Word, TitleOnly: false })
                {
                    plainTerms.AddRange(analyzer.Terms(IndexFields.Body, group[0].Text));
                }
            }
        }

        var plainDescriptions = plainGroups.ConvertAll(p => p.Description);
        int? atLeast = null;
        if (minimumWords is { } wanted)
        {
            // A query with no clause matches nothing, at no cost; it keeps its place, so "at least N" still counts it.
            plainGroups = plainGroups.Select((plain, i) => unmatched?.Contains(i) == true ? (new BooleanQuery(), plain.Description) : plain).ToList();
            if (plainGroups.Count >= 2)
            {
                atLeast = Math.Clamp(wanted, 1, plainGroups.Count);
                var most = new BooleanQuery { MinimumNumberShouldMatch = atLeast.Value };
                var all = new BooleanQuery();
                var covered = new BooleanQuery(disableCoord: true);
                for (var i = 0; i < plainGroups.Count; i++)
                {
                    most.Add(plainGroups[i].Query, Occur.SHOULD);
                    all.Add(plainGroups[i].Query, Occur.MUST);
                    if (searcher is not null)
                    {
                        covered.Add(new ConstantScoreQuery(plainGroups[i].Query) { Boost = CoverageWeight * Rarity(searcher.IndexReader, plainTexts[i]) }, Occur.SHOULD);
                    }
                }

                query.Add(most, Occur.MUST);
                query.Add(new ConstantScoreQuery(all) { Boost = AllWordsBonus }, Occur.SHOULD);
                if (covered.Clauses.Count > 0)
                {
                    query.Add(covered, Occur.SHOULD);
                }
            }
            else
            {
                // Nothing to widen: read as usual.
                foreach (var (plainQuery, plainDescription) in plainGroups)
                {
                    query.Add(plainQuery, Occur.MUST);
                    must.Add(plainDescription);
                }
            }

            foreach (var (group, index) in read.Groups.Select((group, index) => (group, index)))
            {
                var inReading = readings.Values.Any(r => index >= r.First && index < r.First + r.Count);
                if (!inReading && group.Count == 1 && group[0] is { Kind: ClauseKind.Word, TitleOnly: false, Negated: false })
                {
                    plainTerms.AddRange(analyzer.Terms(IndexFields.Body, group[0].Text));
                }
            }
        }

        if (query.Clauses.Count == 0)
        {
            notes.Add("nothing searchable was left, so every release is listed");
            return new ParsedQuery(null, highlightTerms, highlightPrefixes, Describe(must, mustNot, notes, null, null));
        }

        if (positives == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return new ParsedQuery(query, highlightTerms, highlightPrefixes, Describe(must, mustNot, notes, atLeast, plainDescriptions))
        {
            PlainClauses = plainDescriptions,
            PlainQueries = plainGroups.ConvertAll(p => p.Query),
            MinimumWords = atLeast,
            Proximity = Proximity(plainTerms),
            Readings = readings.Values.Select(r => r.Reading).ToList(),
        };
    }

    /// <summary>
    /// Releases where the words stand close together rank above those where they are scattered, and a title
    /// that holds every word, in any order, is the strongest sign of the release asked for. Null outside two
    /// to eight plain words.
    /// </summary>
    private static BooleanQuery? Proximity(List<string> plainTerms)
    {
        if (plainTerms.Count is < 2 or > 8)
        {
            return null;
        }

        var positioned = plainTerms.Select((t, i) => (t, i)).ToList();
        var proximity = new BooleanQuery
        {
            { Phrase(IndexFields.Body, positioned, ProximitySlop, ProximityBoost), Occur.SHOULD },
            { Phrase(IndexFields.Title, positioned, ProximitySlop, ProximityBoost * TitleBoost), Occur.SHOULD },
        };

        var allInTitle = new BooleanQuery { Boost = AllWordsInTitleBoost };
        foreach (var term in plainTerms.Distinct(StringComparer.Ordinal))
        {
            allInTitle.Add(new TermQuery(new Term(IndexFields.Title, term)), Occur.MUST);
        }

        proximity.Add(allInTitle, Occur.SHOULD);
        return proximity;
    }

    private (Query Query, string Description)? BuildClause(
        QueryClause clause,
        IReadOnlyDictionary<string, string> ministers,
        IReadOnlyDictionary<string, string> portfolios,
        List<string> notes,
        HashSet<string>? highlightTerms,
        List<string>? highlightPrefixes)
    {
        switch (clause.Kind)
        {
            case ClauseKind.Minister:
                return NameFilter(NameKind.Minister, clause.Text, ministers, notes);
            case ClauseKind.Portfolio:
                return NameFilter(NameKind.Portfolio, clause.Text, portfolios, notes);
            case ClauseKind.Prefix:
            {
                var prefix = Slugs.From(clause.Text).Replace("-", "", StringComparison.Ordinal);
                if (prefix.Length < 2)
                {
                    notes.Add($"'{clause.Text}*' was ignored: a prefix needs at least two letters");
                    return null;
                }

                highlightPrefixes?.Add(prefix);
                var description = (clause.TitleOnly ? "title:" : "") + prefix + "*";

                // Prefixes match whole words as written ("cooperat*" → "cooperation"), not stems.
                var inTitle = BoundedPrefix(IndexFields.TitleWords, prefix);
                if (clause.TitleOnly)
                {
                    return (inTitle, description);
                }

                inTitle.Boost = TitleBoost;
                return (new BooleanQuery { { inTitle, Occur.SHOULD }, { BoundedPrefix(IndexFields.Words, prefix), Occur.SHOULD } }, description);
            }

            default:
            {
                var terms = analyzer.TermsWithPositions(IndexFields.Body, clause.Text);
                if (terms.Count == 0)
                {
                    notes.Add($"'{clause.Text}' is too common a word to search for and was ignored");
                    return null;
                }

                foreach (var (term, _) in terms)
                {
                    highlightTerms?.Add(term);
                }

                var description = (clause.TitleOnly ? "title:" : "") + (clause.Kind == ClauseKind.Phrase ? $"\"{clause.Text}\"" : clause.Text);
                if (terms.Count == 1)
                {
                    return (AcrossFields(clause.TitleOnly, field => new TermQuery(new Term(field, terms[0].Term))), description);
                }

                // Several terms from one word ("covid-19") or a quoted phrase: they must stand in that order.
                return (AcrossFields(clause.TitleOnly, field => Phrase(field, terms, 0, 1f)), description);
            }
        }
    }

    /// <summary>
    /// The words of a reading as words (one word, or a minister's whole name as a phrase) or as the minister's
    /// or year's releases, which also score <see cref="NamedMinisterBoost"/> or <see cref="NamedYearBoost"/>.
    /// </summary>
    private (Query Query, string Description)? Named(
        QueryReading reading, List<QueryClause> clauses, HashSet<string> highlightTerms, List<string> highlightPrefixes, List<string> notes)
    {
        var asWords = clauses.Count == 1
            ? BuildClause(clauses[0], EmptyNames, EmptyNames, notes, highlightTerms, highlightPrefixes)
            : BuildClause(new QueryClause(ClauseKind.Phrase, reading.Text, Negated: false, TitleOnly: false), EmptyNames, EmptyNames, notes, highlightTerms, highlightPrefixes);
        Query field;
        string also;
        if (reading.Year is { } year)
        {
            field = new ConstantScoreQuery(NumericRangeQuery.NewInt32Range(IndexFields.Date, (year * 10000) + 101, (year * 10000) + 1231, true, true)) { Boost = NamedYearBoost };
            also = string.Create(CultureInfo.InvariantCulture, $"or from {year}");
        }
        else
        {
            field = new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Minister, reading.MinisterSlug))) { Boost = NamedMinisterBoost };
            also = $"or by {reading.MinisterName}";
        }

        if (asWords is not { } words)
        {
            return (field, $"{reading.Text} ({also})");
        }

        return (new BooleanQuery { { words.Query, Occur.SHOULD }, { field, Occur.SHOULD } }, $"{words.Description} ({also})");
    }

    /// <summary>How rare a word's terms are in the body: the sum of their BM25 inverse document frequencies.</summary>
    private float Rarity(IndexReader reader, string text)
    {
        var documents = reader.NumDocs;
        var rarity = 0.0;
        foreach (var term in analyzer.Terms(IndexFields.Body, text))
        {
            var withTerm = reader.DocFreq(new Term(IndexFields.Body, term));
            rarity += Math.Log(1 + ((documents - withTerm + 0.5) / (withTerm + 0.5)));
        }

        return (float)rarity;
    }

    private static (Query Query, string Description)? NameFilter(NameKind kind, string text, IReadOnlyDictionary<string, string> known, List<string> notes)
    {
        var (field, label, slug) = (IndexFields.NameField(kind), kind.Singular, kind.SlugOf(text));
        var matches = ResolveNames(text, slug, known);
        if (matches.Count == 0)
        {
            notes.Add($"no {label} is called '{text}'");
            return (new TermQuery(new Term(field, slug.Length > 0 ? slug : text)), $"{label}: {text}");
        }

        if (matches.Count == 1)
        {
            return (new TermQuery(new Term(field, matches[0])), $"{label}: {known[matches[0]]}");
        }

        var any = new BooleanQuery();
        foreach (var match in matches)
        {
            any.Add(new TermQuery(new Term(field, match)), Occur.SHOULD);
        }

        return (any, $"{label}: " + string.Join(" or ", matches.Select(m => known[m])));
    }

    /// <summary>An exact slug, else every name that contains all the given words ("ardern" finds Jacinda Ardern).</summary>
    internal static List<string> ResolveNames(string text, string slug, IReadOnlyDictionary<string, string> known)
    {
        if (slug.Length > 0 && known.ContainsKey(slug))
        {
            return [slug];
        }

        var wanted = Slugs.From(text).Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (wanted.Length == 0)
        {
            return [];
        }

        return known.Keys
            .Where(k => wanted.All(w => k.Split('-').Contains(w, StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Take(20)
            .ToList();
    }

    private static Query AcrossFields(bool titleOnly, Func<string, Query> build)
    {
        var title = build(IndexFields.Title);
        title.Boost *= TitleBoost;
        if (titleOnly)
        {
            return title;
        }

        var either = new BooleanQuery { { title, Occur.SHOULD }, { build(IndexFields.Body), Occur.SHOULD } };
        return either;
    }

    private static PhraseQuery Phrase(string field, List<(string Term, int Position)> terms, int slop, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var (term, position) in terms)
        {
            phrase.Add(new Term(field, term), position);
        }

        return phrase;
    }

    private static PrefixQuery BoundedPrefix(string field, string prefix) =>
        new(new Term(field, prefix)) { MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxPrefixExpansions) };

    private static string Describe(List<string> must, List<string> mustNot, List<string> notes, int? atLeast, List<string>? plain)
    {
        var parts = new List<string>();
        if (atLeast is { } minimum && plain is not null)
        {
            parts.Add(minimum == 1
                ? "any of: " + string.Join(", ", plain) + " (releases with all of them first)"
                : string.Create(CultureInfo.InvariantCulture, $"at least {minimum} of: {string.Join(", ", plain)} (releases with all of them first)"));
        }

        if (must.Count > 0)
        {
            parts.Add("all of: " + string.Join(", ", must));
        }

        if (mustNot.Count > 0)
        {
            parts.Add("none of: " + string.Join(", ", mustNot));
        }

        var reading = string.Join("; ", parts);
        if (notes.Count > 0)
        {
            reading += (reading.Length > 0 ? " (" : "(") + string.Join("; ", notes) + ")";
        }

        return reading;
    }
}
