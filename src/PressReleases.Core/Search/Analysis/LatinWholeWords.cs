using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace PressReleases.Core.Search.Analysis;

/// <summary>
/// A text's whole words exactly as <see cref="ReleaseAnalyzer.WholeWords"/> over Lucene's standard tokenizer gives
/// them (the same terms, offsets and position increments), found in one pass for text written only in
/// <see cref="IsLatin">the characters this corpus is written in</see>: ASCII, the Latin-1 and Latin Extended-A
/// letters (macrons), the no-break space, dashes, bullets, the ellipsis and curly quotes. About 98 % of the real
/// bodies are. A text with any other character is handed to that chain itself, so every text gets the chain's
/// tokens: the one pass only saves the chain's four stages handing every token on to the next, its scanner's
/// general tables and culture-aware lower-casing, which were a sizeable share of a cold ingest's CPU
/// (docs/performance.md, "Issue #18").
/// The word rules are those of Unicode's word boundaries (UAX #29) that these characters can meet: letters, digits
/// and underscores join; ':' and '·' join letters, ',' and ';' join digits, and '.', '\'', '‘' and '’' join either,
/// each only between two of the same kind; a run of underscores alone is no word; a word longer than 255
/// characters is dropped, leaving a gap in the positions. Lower-casing and folding go through per-character tables
/// taken from the chain's own filters when the type is first used, and a trailing possessive ('s, ’s) is dropped
/// as the chain does. Not thread-safe: one per <see cref="BodyAnalysis"/>.
/// </summary>
internal sealed class LatinWholeWords : TokenStream
{
    /// <summary>The standard tokenizer's default longest word.</summary>
    private const int MaxWordLength = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;

    private const int TableSize = 0x2030;

    private static readonly Kind[] Kinds = BuildKinds();

    /// <summary>What each non-ASCII character a word can hold becomes once lower-cased and folded (from the chain's filters).</summary>
    private static readonly string?[] Folded = BuildFolded();

    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute increment;

    // The chain itself, for texts with other characters; its tokens are copied into this stream's attributes.
    private readonly Tokenizer chainTokenizer = new StandardTokenizer(ReleaseAnalyzer.Version, new StringReader(""));
    private readonly TokenStream chain;
    private readonly ICharTermAttribute chainTerm;
    private readonly IOffsetAttribute chainOffset;
    private readonly IPositionIncrementAttribute chainIncrement;
    private bool chainOpen;

    private string text = "";
    private bool latin = true;
    private int next;
    private int skippedPositions;

    public LatinWholeWords()
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
        chain = ReleaseAnalyzer.WholeWords(chainTokenizer);
        chainTerm = chain.AddAttribute<ICharTermAttribute>();
        chainOffset = chain.AddAttribute<IOffsetAttribute>();
        chainIncrement = chain.AddAttribute<IPositionIncrementAttribute>();
    }

    private enum Kind : byte
    {
        Unsupported,
        Other,
        Letter,
        Digit,
        Underscore,
        MidLetter,
        MidNum,
        MidNumLet,
    }

    /// <summary>Whether the one pass covers every character of <paramref name="text"/>.</summary>
    private static bool IsLatin(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= TableSize || Kinds[c] == Kind.Unsupported)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the last text given was covered by the one pass (for tests).</summary>
    internal bool UsedOnePass => latin;

    /// <summary>The text the next <see cref="Reset"/> starts on.</summary>
    public void SetText(string value)
    {
        CloseChain();
        text = value;
        latin = IsLatin(value);
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
        skippedPositions = 0;
        if (!latin)
        {
            CloseChain();
            chainTokenizer.SetReader(new StringReader(text));
            chainOpen = true;
            chain.Reset();
        }
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        return latin ? NextLatinWord() : NextChainWord();
    }

    public override void End()
    {
        base.End();
        if (latin)
        {
            // As the standard tokenizer ends: after the whole text, with the words dropped since the last one.
            offset.SetOffset(text.Length, text.Length);
            increment.PositionIncrement += skippedPositions;
            return;
        }

        chain.End();
        offset.SetOffset(chainOffset.StartOffset, chainOffset.EndOffset);
        increment.PositionIncrement = chainIncrement.PositionIncrement;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseChain();
        }

        base.Dispose(disposing);
    }

    private bool NextChainWord()
    {
        if (!chain.IncrementToken())
        {
            return false;
        }

        term.CopyBuffer(chainTerm.Buffer, 0, chainTerm.Length);
        offset.SetOffset(chainOffset.StartOffset, chainOffset.EndOffset);
        increment.PositionIncrement = chainIncrement.PositionIncrement;
        return true;
    }

    private bool NextLatinWord()
    {
        skippedPositions = 0;
        while (true)
        {
            var start = next;
            while (start < text.Length && !StartsWord(Kinds[text[start]]))
            {
                start++;
            }

            if (start == text.Length)
            {
                next = start;
                return false;
            }

            var end = WordEnd(start, out var hasLetterOrDigit);
            next = end;
            if (!hasLetterOrDigit)
            {
                continue;
            }

            if (end - start > MaxWordLength)
            {
                skippedPositions++;
                continue;
            }

            WriteTerm(start, end);
            offset.SetOffset(start, end);
            increment.PositionIncrement = skippedPositions + 1;
            return true;
        }
    }

    private static bool StartsWord(Kind kind) => kind is Kind.Letter or Kind.Digit or Kind.Underscore;

    /// <summary>Where the word starting at <paramref name="start"/> ends (UAX #29 WB5–WB13b for these characters).</summary>
    private int WordEnd(int start, out bool hasLetterOrDigit)
    {
        var last = Kinds[text[start]];
        hasLetterOrDigit = last != Kind.Underscore;
        var i = start + 1;
        while (i < text.Length)
        {
            var kind = Kinds[text[i]];
            if (StartsWord(kind))
            {
                hasLetterOrDigit |= kind != Kind.Underscore;
                last = kind;
                i++;
                continue;
            }

            // A middle character joins only two letters or two digits, whichever it may join.
            if (i + 1 < text.Length && (last is Kind.Letter or Kind.Digit) && Kinds[text[i + 1]] == last && Joins(kind, last))
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    private static bool Joins(Kind middle, Kind sides) => middle switch
    {
        Kind.MidNumLet => true,
        Kind.MidLetter => sides == Kind.Letter,
        Kind.MidNum => sides == Kind.Digit,
        _ => false,
    };

    /// <summary>The word's term: a trailing possessive dropped, then each character lower-cased and folded.</summary>
    private void WriteTerm(int start, int end)
    {
        var length = end - start;
        if (length >= 2 && text[end - 1] is 's' or 'S' && text[end - 2] is '\'' or '\u2019')
        {
            end -= 2;
            length -= 2;
        }

        // Folding can lengthen a character (æ to "ae"), never to more than four.
        var buffer = term.ResizeBuffer(length * 4);
        var written = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                buffer[written++] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
                continue;
            }

            var folded = Folded[c]!;
            for (var f = 0; f < folded.Length; f++)
            {
                buffer[written++] = folded[f];
            }
        }

        term.SetLength(written);
    }

    private void CloseChain()
    {
        if (chainOpen)
        {
            chain.Dispose();
            chainOpen = false;
        }
    }

    private static Kind[] BuildKinds()
    {
        var kinds = new Kind[TableSize];
        foreach (var c in "\t\n\r")
        {
            kinds[c] = Kind.Other;
        }

        for (var c = 0x20; c < 0x7F; c++)
        {
            kinds[c] = Kind.Other;
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            kinds[c] = Kind.Letter;
            kinds[char.ToUpperInvariant(c)] = Kind.Letter;
        }

        for (var c = '0'; c <= '9'; c++)
        {
            kinds[c] = Kind.Digit;
        }

        kinds['_'] = Kind.Underscore;
        kinds[':'] = Kind.MidLetter;
        kinds['\u00B7'] = Kind.MidLetter;
        kinds[','] = Kind.MidNum;
        kinds[';'] = Kind.MidNum;
        foreach (var c in ".'\u2018\u2019")
        {
            kinds[c] = Kind.MidNumLet;
        }

        foreach (var c in "\u00A0\u2013\u2014\u201C\u201D\u2022\u2026")
        {
            kinds[c] = Kind.Other;
        }

        // The letters of Latin-1 (but × and ÷), its three letter-like signs ª µ º, and Latin Extended-A.
        for (var c = 0xC0; c < 0x180; c++)
        {
            kinds[c] = c is 0xD7 or 0xF7 ? Kind.Other : Kind.Letter;
        }

        kinds[0xAA] = kinds[0xB5] = kinds[0xBA] = Kind.Letter;
        return kinds;
    }

    private static string?[] BuildFolded()
    {
        var folded = new string?[TableSize];
        using var tokenizer = new KeywordTokenizer(new StringReader(""));
        var filters = new Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter(new LowerCaseFilter(ReleaseAnalyzer.Version, tokenizer));
        var result = filters.AddAttribute<ICharTermAttribute>();
        for (var c = 0x80; c < TableSize; c++)
        {
            if (Kinds[c] is Kind.Unsupported or Kind.Other)
            {
                continue;
            }

            tokenizer.SetReader(new StringReader(((char)c).ToString()));
            filters.Reset();
            filters.IncrementToken();
            folded[c] = result.ToString();
            filters.End();
            filters.Dispose();
        }

        return folded;
    }
}
