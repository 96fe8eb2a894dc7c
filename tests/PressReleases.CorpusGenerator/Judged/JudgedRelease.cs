using PressReleases.Core.Ingestion;

namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// One real release as the ingester reads it (the real parser's title, date, ministers and body text), with the
/// analyzer's view of it: its distinct whole words (folded, unstemmed), the distinct stemmed terms of title and body together (what "the release contains a
/// word" means for the engine) and of the title alone.
/// </summary>
public sealed record JudgedRelease(
    int Index,
    string RelativePath,
    ParsedRelease Parsed,
    IReadOnlyList<string> Words,
    TermSet Terms,
    TermSet TitleTerms)
{
    public string Slug => Parsed.BaseSlug;

    public string Title => Parsed.Title;

    public string Body => Parsed.BodyText;

    public int Year => Parsed.Date!.Value.Year;

    /// <summary>True when every analyzer term of the word occurs in the title or body.</summary>
    public bool Contains(IEnumerable<string> terms) => terms.All(Terms.Contains);

    /// <summary>True when every analyzer term occurs in the title.</summary>
    public bool TitleContains(IEnumerable<string> terms) => terms.All(TitleTerms.Contains);

    /// <summary>The file and the title, so a reader can check the query against the release.</summary>
    public string Describe() => $"{RelativePath} ('{Title}')";
}
