namespace PressReleases.Core.Search.Analysis;

/// <summary>
/// The distinct words of one text, in first-seen order, held in one character buffer with a small
/// open-addressing table: no allocation per word, and small enough to stay in the processor's cache (a
/// dictionary shared by all documents was measured slower than analysing the text a second time:
/// docs/performance.md, "Design decisions and their measurements").
/// </summary>
internal sealed class DistinctWordSet
{
    private char[] characters = new char[4096];
    private int[] starts = new int[256];
    private int[] lengths = new int[256];
    private int[] slots = new int[1024];
    private int characterCount;

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => characters.AsSpan(starts[index], lengths[index]);

    public void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(slots);
            Count = 0;
            characterCount = 0;
        }
    }

    /// <summary>Adds the word unless it is already in the set.</summary>
    public void Add(ReadOnlySpan<char> word)
    {
        var mask = slots.Length - 1;
        var slot = Hash(word) & mask;
        while (slots[slot] != 0)
        {
            if (this[slots[slot] - 1].SequenceEqual(word))
            {
                return;
            }

            slot = (slot + 1) & mask;
        }

        if (characterCount + word.Length > characters.Length)
        {
            Array.Resize(ref characters, Math.Max(characters.Length * 2, characterCount + word.Length));
        }

        if (Count == starts.Length)
        {
            Array.Resize(ref starts, Count * 2);
            Array.Resize(ref lengths, Count * 2);
        }

        word.CopyTo(characters.AsSpan(characterCount));
        starts[Count] = characterCount;
        lengths[Count] = word.Length;
        characterCount += word.Length;
        Count++;
        slots[slot] = Count;
        if (Count * 2 > slots.Length)
        {
            Rehash(slots.Length * 2);
        }
    }

    private void Rehash(int size)
    {
        slots = new int[size];
        var mask = size - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var slot = Hash(this[entry]) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = entry + 1;
        }
    }

    /// <summary>FNV-1a over the characters: cheap, and good enough for a table that only lives for one text.</summary>
    private static int Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
