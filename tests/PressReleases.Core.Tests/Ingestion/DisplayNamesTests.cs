using PressReleases.Core.Ingestion;

namespace PressReleases.Core.Tests.Ingestion;

public class DisplayNamesTests
{
    [Fact]
    public void Best_PicksTheMostFrequentSpellingPerOwner()
    {
        var best = DisplayNames.Best(
        [
            new DisplayNames.Spelling(1, "Māori Affairs", 3),
            new DisplayNames.Spelling(1, "Maori Affairs", 7),
            new DisplayNames.Spelling(2, "Veterans' Affairs", 1),
            new DisplayNames.Spelling(2, "Veterans Affairs", 4),
        ]);

        Assert.Equal("Maori Affairs", best[1]);
        Assert.Equal("Veterans Affairs", best[2]);
    }

    [Fact]
    public void Best_TiesGoToTheSpellingWithMoreNonAsciiLetters()
    {
        var best = DisplayNames.Best([new DisplayNames.Spelling(1, "Whanau Ora", 2), new DisplayNames.Spelling(1, "Whānau Ora", 2)]);
        Assert.Equal("Whānau Ora", best[1]);
    }

    [Fact]
    public void Best_RemainingTiesAreBrokenByOrdinalOrderWhateverTheInputOrder()
    {
        DisplayNames.Spelling[] spellings = [new(1, "Tourism b", 2), new(1, "Tourism a", 2)];
        Assert.Equal("Tourism a", DisplayNames.Best(spellings)[1]);
        Assert.Equal("Tourism a", DisplayNames.Best(spellings.Reverse())[1]);
    }
}
