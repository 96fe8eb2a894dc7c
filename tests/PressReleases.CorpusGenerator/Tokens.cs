namespace PressReleases.CorpusGenerator;

/// <summary>Splits text into word tokens (letters, with inner apostrophes and hyphens) and number tokens.</summary>
public static class Tokens
{
    public static IEnumerable<(string Token, bool IsNumber)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                yield return (text[start..i], false);
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || ((text[i] is '.' or ',') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                yield return (text[start..i], true);
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or '-';
}
