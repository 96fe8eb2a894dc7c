using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Analysis;

/// <summary>
/// The one-pass whole words must be the analyzer chain's, token for token: term, offsets, position increment, and
/// the state the stream ends in. Every case is checked against the chain itself, not against a list written here.
/// </summary>
public class LatinWholeWordsTests
{
    private static readonly string[] Latin =
    [
        "",
        "   \t\n\r\n ",
        "The Minister’s cooperating with Māori communities on COVID-19 vaccinations in Ōtautahi.",
        "e.g. the U.S.A. and i.e., etc. end.",
        "1,000.50 dollars, 3.5% growth; 1;2 3,4 5:6 7.8.9 10.",
        "O'Brien's rock‘n’roll, New Zealand’s, the Minister's, the ministers' and 's alone; x's",
        "a:b c·d e:1 1:e a.1 1.a a'1 1'a a’b 1’2 a‘b",
        "foo_bar __ _x x_ 1_2 _ a__b __a__ a_.b 1_,2",
        "covid19 19covid a1b2c3 3d 4x4 H2O",
        "ÆTHER Straße ĳssel İstanbul ı ŉ µ ª º naïve café À Ÿ ſ œ Œ ø Ø þ ð đ ł",
        "dashes – and — bullets • ellipses… “quotes” no\u00A0break space",
        "ends with a middle mark: a. b, c; d: e' f’ g‘",
        "'s 's's ’s' s's S'S",
        new string('x', 255) + " " + new string('y', 256) + " after " + new string('z', 300),
        "words then a long one at the very end " + new string('q', 400),
        "×÷ 5×5 a÷b",
    ];

    private static readonly string[] Other =
    [
        "soft\u00ADhyphen inside a word",
        "combining ma\u0304ori macron",
        "日本の首相 and Tokyo",
        "emoji 😀 and résumé",
        "zero\u200Bwidth space",
        "fullwidth ＡＢＣ１２３ and a’s",
        "Ελληνικά and Русский text",
    ];

    public static TheoryData<string> LatinTexts => [.. Latin];

    public static TheoryData<string> OtherTexts => [.. Other];

    [Theory]
    [MemberData(nameof(LatinTexts))]
    public void LatinText_GivesTheChainsTokens_InOnePass(string text)
    {
        using var words = new LatinWholeWords();
        words.SetText(text);

        Assert.True(words.UsedOnePass);
        Assert.Equal(ChainTokens(text), Tokens(words));
    }

    [Theory]
    [MemberData(nameof(OtherTexts))]
    public void OtherText_GoesThroughTheChain_WithTheSameTokens(string text)
    {
        using var words = new LatinWholeWords();
        words.SetText(text);

        Assert.False(words.UsedOnePass);
        Assert.Equal(ChainTokens(text), Tokens(words));
    }

    [Fact]
    public void OneStream_ServesTextAfterText_OfBothKinds()
    {
        using var words = new LatinWholeWords();
        var texts = Latin.Zip(Other).SelectMany(pair => new[] { pair.First, pair.Second });
        foreach (var text in texts)
        {
            words.SetText(text);
            Assert.Equal(ChainTokens(text), Tokens(words));
        }
    }

    /// <summary>
    /// A sample of about 5,500 real bodies, spread over the whole corpus: each gives the chain's tokens, and most
    /// are covered by the one pass (else the speed it was written for is gone without any test noticing).
    /// </summary>
    [Fact]
    public void CorpusBodies_GiveTheChainsTokens_MostInOnePass()
    {
        var files = Directory.EnumerateFiles(RepoPaths.RequireCorpusFolder(), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var parser = new ReleaseFileParser(new MarkdownRenderer());
        using var words = new LatinWholeWords();
        var onePass = 0;
        var compared = 0;
        for (var i = 0; i < files.Count; i += 10)
        {
            ParsedRelease parsed;
            try
            {
                parsed = parser.Parse(File.ReadAllBytes(files[i]));
            }
            catch (ReleaseFileException)
            {
                continue;
            }

            words.SetText(parsed.BodyText);
            var expected = ChainTokens(parsed.BodyText);
            var actual = Tokens(words);
            Assert.True(expected.SequenceEqual(actual), $"{files[i]}: the one pass differs from the chain");
            onePass += words.UsedOnePass ? 1 : 0;
            compared++;
        }

        Assert.True(compared > 5000, $"only {compared} bodies compared");
        Assert.True(onePass > compared * 0.9, $"only {onePass} of {compared} bodies went through the one pass");
    }

    private static List<string> ChainTokens(string text)
    {
        using var tokenizer = new StandardTokenizer(ReleaseAnalyzer.Version, new StringReader(text));
        using var chain = ReleaseAnalyzer.WholeWords(tokenizer);
        return Tokens(chain);
    }

    /// <summary>Each token as "term [start,end) +increment", then the state the stream ends in.</summary>
    private static List<string> Tokens(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term} [{offset.StartOffset},{offset.EndOffset}) +{increment.PositionIncrement}");
        }

        stream.End();
        tokens.Add($"end [{offset.StartOffset},{offset.EndOffset}) +{increment.PositionIncrement}");
        stream.Dispose();
        return tokens;
    }
}
