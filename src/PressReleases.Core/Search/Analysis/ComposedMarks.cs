using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Search.Analysis;

/// <summary>
/// Composes a word written with combining marks into precomposed letters (Unicode NFC) before it is lower-cased
/// and folded. A few releases spell "Māori" as "a" followed by U+0304 COMBINING MACRON rather than as "ā"; the
/// folding filter knows only the precomposed letter, so those words became terms no search could reach ("Māori"
/// and "Maori" both look for "maori"). The same goes for any mark that composes (a kana's voicing mark, Hangul
/// jamo): a word with no character from U+0300 up, where every combining mark begins, passes at the cost of one
/// vectorised scan, and only a word that is not already in NFC is rebuilt (<see cref="TextFolding.MayCompose"/>);
/// the composing is <see cref="TextFolding"/>'s, which names and slugs use too. The token's offsets still span the
/// word as written, so highlighting marks the original text.
/// </summary>
internal sealed class ComposedMarks : TokenFilter
{
    private readonly ICharTermAttribute term;

    public ComposedMarks(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = term.Buffer.AsSpan(0, term.Length);
        if (TextFolding.MayCompose(word))
        {
            var composed = TextFolding.Composed(word.ToString());
            term.SetEmpty().Append(composed);
        }

        return true;
    }
}
