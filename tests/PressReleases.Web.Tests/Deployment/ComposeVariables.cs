using System.Text;
using System.Text.RegularExpressions;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>One <c>${NAME...}</c> in compose.yaml: the variable, its operator (<c>:-</c>, <c>-</c>, <c>:?</c>, <c>?</c>, <c>:+</c>, <c>+</c> or none) and the text after it.</summary>
internal sealed record ComposeVariable(string Name, string Operator, string Argument)
{
    public bool HasDefault => Operator is ":-" or "-";
}

/// <summary>
/// Compose's interpolation, as far as compose.yaml needs it: <c>${NAME}</c> and its operator forms, <c>$$</c> for a
/// literal dollar. An unbraced <c>$name</c> is reported as a problem although Compose accepts it: in this file it
/// would be nginx's <c>$host</c> written without its <c>$$</c>, which Compose silently replaces with nothing.
/// </summary>
internal static partial class ComposeVariables
{
    /// <summary>The references in <paramref name="text"/> and what is wrong with any of them.</summary>
    public static (IReadOnlyList<ComposeVariable> References, IReadOnlyList<string> Problems) Scan(string text)
    {
        var references = new List<ComposeVariable>();
        var problems = new List<string>();
        Interpolate(text, references, problems);
        return (references, problems);
    }

    /// <summary>The text as Compose reads it when none of its variables is set: defaults in, <c>$$</c> as <c>$</c>.</summary>
    public static string WithDefaults(string text)
    {
        var problems = new List<string>();
        var result = Interpolate(text, [], problems);
        return problems.Count == 0
            ? result
            : throw new FormatException($"'{text}': {string.Join("; ", problems)}");
    }

    private static string Interpolate(string text, List<ComposeVariable> references, List<string> problems)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (text[i] != '$')
            {
                output.Append(text[i++]);
            }
            else if (next == '$')
            {
                output.Append('$');
                i += 2;
            }
            else if (next == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    problems.Add($"'{text[i..]}' has no closing brace");
                    return output.ToString();
                }

                var body = text[(i + 2)..close];
                var match = BracedBody().Match(body);
                if (match.Success)
                {
                    var reference = new ComposeVariable(match.Groups["name"].Value, match.Groups["op"].Value, match.Groups["arg"].Value);
                    references.Add(reference);
                    // Unset: a default stands in, anything else is empty (":?" would stop Compose; the test asks for defaults).
                    output.Append(reference.HasDefault ? reference.Argument : "");
                }
                else
                {
                    problems.Add($"'${{{body}}}' is not a variable reference (${{NAME}} or ${{NAME:-default}})");
                }

                i = close + 1;
            }
            else if (char.IsAsciiLetter(next) || next == '_')
            {
                var name = UnbracedName().Match(text, i + 1).Value;
                problems.Add($"'${name}' is substituted by Compose (empty when unset): write $${name} for a literal dollar, ${{{name}}} for a variable");
                i += 1 + name.Length;
            }
            else
            {
                // Compose leaves a dollar before anything else as it is.
                output.Append(text[i++]);
            }
        }

        return output.ToString();
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?+])(?<arg>.*))?$", RegexOptions.Singleline)]
    private static partial Regex BracedBody();

    [GeneratedRegex(@"\G[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex UnbracedName();
}
