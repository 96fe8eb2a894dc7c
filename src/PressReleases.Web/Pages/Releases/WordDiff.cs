using DiffPlex;
using DiffPlex.Model;
using PressReleases.Core.Releases;

namespace PressReleases.Web.Pages.Releases;

public enum DiffKind
{
    Same,
    Deleted,
    Inserted,
}

/// <summary>A run of text (words joined by spaces, or one name) that both versions share, or only the older or the newer has.</summary>
public sealed record DiffSpan(DiffKind Kind, string Text);

/// <summary>
/// A paragraph of the difference between two bodies: its spans, or, with <see cref="Unchanged"/> above zero and no
/// spans, that many paragraphs the two versions share, left out.
/// </summary>
public sealed record DiffParagraph(IReadOnlyList<DiffSpan> Spans, int Unchanged = 0);

/// <summary>
/// Readable differences between two versions of a release, computed with DiffPlex at display time (nothing of them is
/// stored). Texts are compared word by word, as <see cref="ReleaseContent"/> decides what an edit is, so whitespace
/// never shows as a change. A body is first matched paragraph by paragraph, so the words are compared only within the
/// paragraphs that changed and the paragraphs both versions share can be left out.
/// </summary>
public static class WordDiff
{
    /// <summary>
    /// Past this many words in one changed stretch (both versions together), its paragraphs are shown removed and added
    /// whole: DiffPlex's time grows with the words times the differences, and a rewritten text has little to align.
    /// </summary>
    public const int MaxWordsCompared = 20_000;

    // Stands between paragraphs among the words; a whitespace character, so never inside a word.
    private const string ParagraphBreak = "\u2029";

    /// <summary>The words of two texts, consecutive words of one kind in one span.</summary>
    public static IReadOnlyList<DiffSpan> Words(string older, string newer) =>
        [.. Runs(ReleaseContent.Words(older), ReleaseContent.Words(newer)).Select(run => new DiffSpan(run.Kind, string.Join(' ', run.Tokens)))];

    /// <summary>Two lists (of names), one span per entry, in the newer list's order with removed entries where they stood.</summary>
    public static IReadOnlyList<DiffSpan> Items(IReadOnlyList<string> older, IReadOnlyList<string> newer) =>
        [.. Runs([.. older.Select(OneLine)], [.. newer.Select(OneLine)]).SelectMany(run => run.Tokens.Select(item => new DiffSpan(run.Kind, item)))];

    /// <summary>Two bodies' plain text (a paragraph a line), paragraph by paragraph.</summary>
    public static IReadOnlyList<DiffParagraph> Body(string older, string newer)
    {
        var runs = Runs(Paragraphs(older), Paragraphs(newer)).ToList();
        var paragraphs = new List<DiffParagraph>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (kind, tokens) = runs[i];
            if (kind == DiffKind.Same)
            {
                paragraphs.Add(new DiffParagraph([], tokens.Length));
            }
            else if (kind == DiffKind.Deleted && i + 1 < runs.Count && runs[i + 1].Kind == DiffKind.Inserted)
            {
                paragraphs.AddRange(Reworded(tokens, runs[++i].Tokens));
            }
            else
            {
                paragraphs.AddRange(Whole(kind, tokens));
            }
        }

        return paragraphs;
    }

    /// <summary>Paragraphs of the older version replaced by paragraphs of the newer: word by word, breaks kept.</summary>
    private static IEnumerable<DiffParagraph> Reworded(string[] older, string[] newer)
    {
        var olderWords = WithBreaks(older);
        var newerWords = WithBreaks(newer);
        if (olderWords.Length + newerWords.Length > MaxWordsCompared)
        {
            return [.. Whole(DiffKind.Deleted, older), .. Whole(DiffKind.Inserted, newer)];
        }

        var paragraphs = new List<DiffParagraph>();
        var spans = new List<DiffSpan>();
        foreach (var (kind, tokens) in Runs(olderWords, newerWords))
        {
            // A run may cross paragraph breaks: its words before a break end the paragraph being built.
            var pieces = string.Join(' ', tokens).Split(ParagraphBreak);
            for (var p = 0; p < pieces.Length; p++)
            {
                if (p > 0 && spans.Count > 0)
                {
                    paragraphs.Add(new DiffParagraph(spans));
                    spans = [];
                }

                if (pieces[p].Trim() is { Length: > 0 } text)
                {
                    spans.Add(new DiffSpan(kind, text));
                }
            }
        }

        if (spans.Count > 0)
        {
            paragraphs.Add(new DiffParagraph(spans));
        }

        return paragraphs;
    }

    private static IEnumerable<DiffParagraph> Whole(DiffKind kind, string[] paragraphs) =>
        paragraphs.Select(text => new DiffParagraph([new DiffSpan(kind, text)]));

    private static string[] WithBreaks(string[] paragraphs) =>
        [.. paragraphs.SelectMany((text, i) => i == 0 ? ReleaseContent.Words(text) : [ParagraphBreak, .. ReleaseContent.Words(text)])];

    /// <summary>The body's paragraphs (its plain text's lines), each with its whitespace collapsed; empty lines left out.</summary>
    private static string[] Paragraphs(string text) =>
        [.. text.Split('\n').Select(line => string.Join(' ', ReleaseContent.Words(line))).Where(line => line.Length > 0)];

    private static string OneLine(string text) => string.Join(' ', ReleaseContent.Words(text));

    /// <summary>The two token lists as runs of tokens both have, only the older has, and only the newer has (older first).</summary>
    private static IEnumerable<(DiffKind Kind, string[] Tokens)> Runs(string[] older, string[] newer)
    {
        var result = Differ.Instance.CreateDiffs(string.Join('\n', older), string.Join('\n', newer), ignoreWhiteSpace: false, ignoreCase: false, TokenChunker.Instance);
        var at = 0;
        foreach (DiffBlock block in result.DiffBlocks)
        {
            if (block.DeleteStartA > at)
            {
                yield return (DiffKind.Same, older[at..block.DeleteStartA]);
            }

            if (block.DeleteCountA > 0)
            {
                yield return (DiffKind.Deleted, older[block.DeleteStartA..(block.DeleteStartA + block.DeleteCountA)]);
            }

            if (block.InsertCountB > 0)
            {
                yield return (DiffKind.Inserted, newer[block.InsertStartB..(block.InsertStartB + block.InsertCountB)]);
            }

            at = block.DeleteStartA + block.DeleteCountA;
        }

        if (at < older.Length)
        {
            yield return (DiffKind.Same, older[at..]);
        }
    }

    /// <summary>Splits what <see cref="Runs"/> joined: its tokens hold no line break (words, one-line names, collapsed paragraphs).</summary>
    private sealed class TokenChunker : IChunker
    {
        public static readonly TokenChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split('\n');
    }
}
