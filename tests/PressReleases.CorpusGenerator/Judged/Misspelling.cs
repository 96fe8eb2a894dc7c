namespace PressReleases.CorpusGenerator.Judged;

/// <summary>
/// One slip of the fingers in a word: a letter left out, two neighbours swapped, or a letter replaced by one next to
/// it on the keyboard. The first letter is kept, as people seldom get it wrong and suggesters rely on it.
/// </summary>
public static class Misspelling
{
    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>The misspelled word and how it was made, or (null, "") when the slip changes nothing.</summary>
    public static (string? Typo, string How) Make(string word, ref SplitMix64 random)
    {
        var at = 1 + random.Next(word.Length - 1);
        switch (random.Next(3))
        {
            case 0:
                return (word.Remove(at, 1), $"'{word[at]}' left out");
            case 1:
                if (at == word.Length - 1)
                {
                    at--;
                }

                if (at < 1 || word[at] == word[at + 1])
                {
                    return (null, "");
                }

                return (string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)), $"'{word[at]}{word[at + 1]}' swapped");
            default:
                var neighbours = Neighbours(word[at]);
                if (neighbours.Count == 0)
                {
                    return (null, "");
                }

                var replacement = neighbours[random.Next(neighbours.Count)];
                return (string.Concat(word.AsSpan(0, at), replacement.ToString(), word.AsSpan(at + 1)), $"'{word[at]}' typed as '{replacement}'");
        }
    }

    /// <summary>The letters beside a letter on its keyboard row.</summary>
    private static List<char> Neighbours(char letter)
    {
        foreach (var row in KeyboardRows)
        {
            var i = row.IndexOf(letter, StringComparison.Ordinal);
            if (i >= 0)
            {
                return new[] { i - 1, i + 1 }.Where(j => j >= 0 && j < row.Length).Select(j => row[j]).ToList();
            }
        }

        return [];
    }
}
