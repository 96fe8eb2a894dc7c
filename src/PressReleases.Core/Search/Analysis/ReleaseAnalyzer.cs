using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace PressReleases.Core.Search.Analysis;

/// <summary>
/// The one analyzer for indexing and querying: standard tokenizer, English possessives ('s and ’s),
/// lower case, diacritics folded (so "Māori", "MĀORI" and "maori" are one term, however the macron was
/// encoded), English stop words,
/// Porter stemming ("cooperating" and "cooperation" meet at "cooper").
/// The word fields (<see cref="IndexFields.Words"/>, <see cref="IndexFields.TitleWords"/>) keep whole,
/// unstemmed words, so a prefix such as "cooperat*" matches what was written, not its stem.
/// </summary>
public sealed class ReleaseAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        var words = WholeWords(tokenizer);
        return new TokenStreamComponents(tokenizer, IndexFields.IsWordField(fieldName) ? words : Stemmed(words));
    }

    /// <summary>
    /// The tokenizer's words composed (<see cref="ComposedMarks"/>), with possessives removed, lower-cased and
    /// diacritics folded: the word fields' terms.
    /// </summary>
    internal static TokenStream WholeWords(Tokenizer tokenizer)
    {
        TokenStream stream = new ComposedMarks(tokenizer);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        return new ASCIIFoldingFilter(stream);
    }

    /// <summary>Whole words without stop words, stemmed: the terms of the title and body fields.</summary>
    internal static TokenStream Stemmed(TokenStream wholeWords) =>
        new PorterStemFilter(new StopFilter(Version, wholeWords, StopAnalyzer.ENGLISH_STOP_WORDS_SET));

    /// <summary>
    /// The terms a piece of text becomes with the positions the index gives them (a stop word leaves a gap):
    /// two texts hold the same phrase when their terms and gaps agree.
    /// </summary>
    public List<(string Term, int Position)> TermsWithPositions(string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }

        stream.End();
        return terms;
    }

    /// <summary>The terms a piece of text becomes, in order (used to build queries from user words).</summary>
    public IReadOnlyList<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
