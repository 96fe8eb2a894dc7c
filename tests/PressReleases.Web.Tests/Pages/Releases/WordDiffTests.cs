using PressReleases.Web.Pages.Releases;

namespace PressReleases.Web.Tests.Pages.Releases;

/// <summary>The differences the history page shows: words within changed paragraphs, whole paragraphs removed or added, the rest counted.</summary>
public class WordDiffTests
{
    private static string Show(IReadOnlyList<DiffSpan> spans) => string.Join(' ', spans.Select(s => s.Kind switch
    {
        DiffKind.Deleted => $"-[{s.Text}]",
        DiffKind.Inserted => $"+[{s.Text}]",
        _ => s.Text,
    }));

    private static List<string> Show(IReadOnlyList<DiffParagraph> paragraphs) =>
        [.. paragraphs.Select(p => p.Unchanged > 0 ? $"({p.Unchanged} unchanged)" : Show(p.Spans))];

    [Fact]
    public void Words_GroupsChangedWords_AndIgnoresWhitespace()
    {
        Assert.Equal("Budget -[day announced] +[date confirmed] today", Show(WordDiff.Words("Budget day announced  today", "Budget date confirmed today")));
        Assert.Equal("Budget day", Show(WordDiff.Words("Budget   day", "Budget\nday")));
    }

    [Fact]
    public void Items_KeepsEachNameApart_InTheNewerOrder()
    {
        Assert.Equal("Grant Robertson -[Jacinda Ardern] +[Chris Hipkins]", Show(WordDiff.Items(["Grant Robertson", "Jacinda Ardern"], ["Grant Robertson", "Chris Hipkins"])));
        Assert.Equal("+[Foreign Affairs]", Show(WordDiff.Items([], ["Foreign Affairs"])));
    }

    [Fact]
    public void Body_ComparesWordsInChangedParagraphs_AndShowsRemovedAndAddedOnesWhole()
    {
        const string Older = "One two three.\nSame A.\nSame B.\nGone paragraph.\nSame C.";
        const string Newer = "One 2 three.\nSame A.\nSame B.\nSame C.\nNew paragraph.";

        Assert.Equal(
            ["One -[two] +[2] three.", "(2 unchanged)", "-[Gone paragraph.]", "(1 unchanged)", "+[New paragraph.]"],
            Show(WordDiff.Body(Older, Newer)));
    }

    [Fact]
    public void Body_KeepsParagraphBreaks_WhenReworded()
    {
        Assert.Equal(
            ["First -[old] +[new] words.", "Second +[added] paragraph."],
            Show(WordDiff.Body("First old words.\nSecond paragraph.", "First new words.\nSecond added paragraph.")));
    }

    [Fact]
    public void Body_PastTheWordLimit_ShowsTheChangedParagraphsWhole()
    {
        var older = string.Join(' ', Enumerable.Range(0, WordDiff.MaxWordsCompared / 2 + 1).Select(i => $"a{i}"));
        var newer = string.Join(' ', Enumerable.Range(0, WordDiff.MaxWordsCompared / 2 + 1).Select(i => $"b{i}"));

        var paragraphs = WordDiff.Body(older, newer);

        Assert.Equal([DiffKind.Deleted, DiffKind.Inserted], paragraphs.Select(p => Assert.Single(p.Spans).Kind));
    }
}
