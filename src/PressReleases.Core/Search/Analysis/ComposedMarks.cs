using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Search.Analysis;

/// <summary>
/// Composes a word written with combining marks into precomposed letters (Unicode NFC) before it is lower-cased
/// and folded. A few releases spell "Māori" as "a" followed by U+0304 COMBINING MACRON rather than as "ā"; the
/// folding filter knows only the precomposed letter, so those words became terms no search could reach ("Māori"
/// and "Maori" both look for "maori"). Only words holding a mark of the Combining Diacritical Marks block
/// (U+0300–U+036F, the marks Latin letters decompose into) are rebuilt, so the rest pass at the cost of one
/// vectorised scan; the composing is <see cref="TextFolding"/>'s, which names and slugs use too. The token's
/// offsets still span the word as written, so highlighting marks the original text.
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
        if (word.IndexOfAnyInRange('\u0300', '\u036F') >= 0)
        {
            var composed = TextFolding.Composed(word.ToString());
            term.SetEmpty().Append(composed);
        }

        return true;
    }
}
