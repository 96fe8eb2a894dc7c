using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PressReleases.Core.Search.Analysis;

/// <summary>
/// Analyses a release body once for both fields that need it, its whole words found in one pass where the text allows
/// (<see cref="LatinWholeWords"/>: the same tokens as the analyzer's chain). The body field gets the stemmed terms (with
/// positions and offsets); on the way, the whole words are noted, and the words field (documents only: no
/// frequencies, no positions) gets each distinct word once, replayed from those notes. Analysing the body
/// twice and inverting every occurrence of every word was a large share of the cost of indexing the corpus
/// (docs/performance.md, "Design decisions and their measurements"). Lucene inverts a document's fields in
/// name order, so "body" is analysed before "words"; should that ever change, the words stream analyses the
/// text itself rather than replay stale notes.
/// Not thread-safe: one per document builder (Indexing/ReleaseDocumentBuilder).
/// </summary>
internal sealed class BodyAnalysis
{
    private readonly LatinWholeWords words = new();
    private readonly WordNotes notes;
    private readonly TokenStream stemmed;
    private readonly ReleaseAnalyzer analyzer;
    private readonly DistinctWordSet distinct = new();
    private string text = "";
    private int document;
    private int notedDocument = -1;

    public BodyAnalysis(ReleaseAnalyzer analyzer)
    {
        this.analyzer = analyzer;
        notes = new WordNotes(words, this);
        stemmed = ReleaseAnalyzer.Stemmed(notes);
        DistinctWords = new DistinctWordStream(this);
    }

    /// <summary>The stemmed terms of the text given to the last <see cref="Begin"/>.</summary>
    public TokenStream StemmedTerms => stemmed;

    /// <summary>Each distinct whole word of the text given to the last <see cref="Begin"/>, once.</summary>
    public TokenStream DistinctWords { get; }

    /// <summary>Points both streams at a new body; the previous one need not have been consumed.</summary>
    public void Begin(string body)
    {
        document++;
        text = body;
        // Closing an already closed chain is harmless, and a chain left open (a document Lucene refused
        // part-way) must be closed before it takes a new reader.
        stemmed.Dispose();
        words.SetText(body);
    }

    private void StartNotes() => distinct.Clear();

    private void Note(ReadOnlySpan<char> word) => distinct.Add(word);

    private void FinishNotes() => notedDocument = document;

    /// <summary>The distinct words of the current body: the notes if the body was analysed, else analysed now.</summary>
    private DistinctWordSet CurrentWords()
    {
        if (notedDocument != document)
        {
            distinct.Clear();
            foreach (var word in analyzer.Terms(IndexFields.Words, text))
            {
                distinct.Add(word);
            }

            notedDocument = document;
        }

        return distinct;
    }

    /// <summary>Passes whole words through unchanged, noting each distinct one.</summary>
    private sealed class WordNotes : TokenFilter
    {
        private readonly ICharTermAttribute term;
        private readonly BodyAnalysis owner;

        public WordNotes(TokenStream input, BodyAnalysis owner)
            : base(input)
        {
            this.owner = owner;
            term = AddAttribute<ICharTermAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            owner.StartNotes();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            owner.Note(term.Buffer.AsSpan(0, term.Length));
            return true;
        }

        public override void End()
        {
            base.End();
            owner.FinishNotes();
        }
    }

    /// <summary>Replays the current body's distinct words as terms.</summary>
    private sealed class DistinctWordStream : TokenStream
    {
        private readonly ICharTermAttribute term;
        private readonly BodyAnalysis owner;
        private DistinctWordSet words = new();
        private int next;

        public DistinctWordStream(BodyAnalysis owner)
        {
            this.owner = owner;
            term = AddAttribute<ICharTermAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            words = owner.CurrentWords();
            next = 0;
        }

        public override bool IncrementToken()
        {
            if (next == words.Count)
            {
                return false;
            }

            ClearAttributes();
            var word = words[next++];
            word.CopyTo(term.ResizeBuffer(word.Length));
            term.SetLength(word.Length);
            return true;
        }
    }
}
