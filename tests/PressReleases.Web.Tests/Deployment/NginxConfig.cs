using System.Text;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>One nginx directive: <c>name args;</c> or <c>name args { children }</c> (then <see cref="Block"/> is not null).</summary>
internal sealed record NginxDirective(string Name, IReadOnlyList<string> Args, IReadOnlyList<NginxDirective>? Block)
{
    /// <summary>This directive's children with the given name, at any depth.</summary>
    public IEnumerable<NginxDirective> Find(string name) => NginxConfig.Find(Block ?? [], name);

    public override string ToString() => $"{Name} {string.Join(' ', Args)}";
}

/// <summary>
/// nginx's configuration syntax, enough to read the proxy's site in compose.yaml: words, quoted words, <c>#</c>
/// comments, directives ended by <c>;</c> and blocks in braces. An unbalanced brace or an unended directive throws,
/// as <c>nginx -t</c> would refuse them.
/// </summary>
internal static class NginxConfig
{
    public static IReadOnlyList<NginxDirective> Parse(string text)
    {
        using var tokens = Tokens(text).GetEnumerator();
        return ParseBlock(tokens, nested: false);
    }

    public static IEnumerable<NginxDirective> Find(IEnumerable<NginxDirective> directives, string name) =>
        directives.SelectMany(d => (d.Name == name ? [d] : Enumerable.Empty<NginxDirective>()).Concat(Find(d.Block ?? [], name)));

    private static List<NginxDirective> ParseBlock(IEnumerator<string> tokens, bool nested)
    {
        var directives = new List<NginxDirective>();
        var words = new List<string>();
        while (tokens.MoveNext())
        {
            switch (tokens.Current)
            {
                case ";":
                    directives.Add(new NginxDirective(Head(words), words.Skip(1).ToList(), null));
                    words.Clear();
                    break;
                case "{":
                    directives.Add(new NginxDirective(Head(words), words.Skip(1).ToList(), ParseBlock(tokens, nested: true)));
                    words.Clear();
                    break;
                case "}":
                    return nested && words.Count == 0 ? directives : throw new FormatException($"Unexpected '}}' after '{string.Join(' ', words)}'.");
                default:
                    words.Add(tokens.Current);
                    break;
            }
        }

        return !nested && words.Count == 0 ? directives : throw new FormatException($"Unended at the end of the text: '{string.Join(' ', words)}'.");
    }

    private static string Head(List<string> words) =>
        words.Count > 0 ? words[0] : throw new FormatException("A ';' or '{' with no directive before it.");

    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    throw new FormatException($"Unclosed quote at {i}.");
                }

                word.Append(text, i + 1, close - i - 1);
                i = close;
            }
            else if (c == '#')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end;
                foreach (var token in Flush(word))
                {
                    yield return token;
                }
            }
            else if (char.IsWhiteSpace(c) || c is ';' or '{' or '}')
            {
                foreach (var token in Flush(word))
                {
                    yield return token;
                }

                if (!char.IsWhiteSpace(c))
                {
                    yield return c.ToString();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        foreach (var token in Flush(word))
        {
            yield return token;
        }
    }

    private static IEnumerable<string> Flush(StringBuilder word)
    {
        if (word.Length > 0)
        {
            yield return word.ToString();
            word.Clear();
        }
    }
}
