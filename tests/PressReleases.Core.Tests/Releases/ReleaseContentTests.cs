using PressReleases.Core.Releases;

namespace PressReleases.Core.Tests.Releases;

/// <summary>Which differences make a new version of a release: words, dates and names do; whitespace does not.</summary>
public class ReleaseContentTests
{
    private static readonly ReleaseContent Content = new(
        "Budget day announced", new DateOnly(2020, 1, 15), ["Grant Robertson", "Jacinda Ardern"], ["Finance"], "The Budget is on 14 May.\nIt will focus on wellbeing.");

    [Fact]
    public void Whitespace_LineAndParagraphBreaks_AreNotAnEdit()
    {
        var respaced = Content with { Title = " Budget  day announced ", BodyText = "The Budget  is on\n14 May. It will\tfocus on wellbeing.\n" };

        Assert.True(Content.ReadsAs(respaced));
        Assert.True(respaced.ReadsAs(Content));
        Assert.True(Content.ReadsAs(Content with { Ministers = ["Grant Robertson", "Jacinda Ardern"], Portfolios = ["Finance"] }));
    }

    [Fact]
    public void EveryField_CountsWhenItsWordsOrValueDiffer()
    {
        ReleaseContent[] edits =
        [
            Content with { Title = "Budget day Announced" },
            Content with { Date = new DateOnly(2020, 1, 16) },
            Content with { Date = null },
            Content with { Ministers = ["Jacinda Ardern", "Grant Robertson"] },
            Content with { Ministers = ["Grant Robertson"] },
            Content with { Portfolios = ["Finance", "Revenue"] },
            Content with { BodyText = "The Budget is on 14 May.\nIt will focus on well-being." },
            Content with { BodyText = "The Budget is on 14 May\nIt will focus on wellbeing." },
        ];

        Assert.All(edits, edit => Assert.False(Content.ReadsAs(edit), edit.ToString()));
    }
}
