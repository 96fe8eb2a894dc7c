using System.Text;

namespace PressReleases.Core.Search.Querying;

/// <summary>
/// Reads what the user typed into clauses and OR-groups. It never fails: whatever it cannot read as
/// syntax (an unbalanced quote or parenthesis, a lone '-', a bare '*', an empty 'title:') is read as
/// well as it can be and noted, so the page can say how the query was understood.
/// </summary>
internal static class QueryTokenizer
{
    public sealed record Result(List<List<QueryClause>> Groups, List<string> Notes);

    private static readonly string[] Fields = ["title", "minister", "portfolio"];

    public static Result Read(string input, int maxClauses)
    {
        var groups = new List<List<QueryClause>>();
        var notes = new List<string>();
        var joinNext = false;
        var count = 0;
        var position = 0;

        while (position < input.Length)
        {
            var c = input[position];
            if (char.IsWhiteSpace(c) || c is '(' or ')' or '+')
            {
                if (c is '(' or ')')
                {
                    AddNote(notes, "parentheses are not used for grouping and were ignored");
                }

                position++;
                continue;
            }

            var negated = false;
            if (c == '-')
            {
                position++;
                if (position >= input.Length || char.IsWhiteSpace(input[position]))
                {
                    AddNote(notes, "a '-' with nothing after it was ignored");
                    continue;
                }

                negated = true;
            }

            var field = ReadField(input, ref position);
            string text;
            int textStart;
            var quoted = false;
            if (position < input.Length && input[position] == '"')
            {
                var close = input.IndexOf('"', position + 1);
                if (close < 0)
                {
                    AddNote(notes, "a quote was not closed, so the phrase runs to the end of the query");
                    close = input.Length;
                }

                textStart = position + 1;
                text = input[textStart..close];
                position = Math.Min(close + 1, input.Length);
                quoted = true;
            }
            else
            {
                var start = position;
                while (position < input.Length && !char.IsWhiteSpace(input[position]) && input[position] is not ('(' or ')' or '"'))
                {
                    position++;
                }

                textStart = start;
                text = input[start..position];
            }

            if (!quoted && field is null && text == "OR")
            {
                joinNext = groups.Count > 0;
                continue;
            }

            if (!quoted && field is null && text == "AND")
            {
                continue;
            }

            var clause = ToClause(field, text, quoted, negated, notes);
            if (clause is not null)
            {
                clause = clause with { Start = textStart + (text.Length - text.TrimStart().Length), Length = text.Trim().Length };
            }

            if (clause is null)
            {
                continue;
            }

            if (++count > maxClauses)
            {
                AddNote(notes, $"only the first {maxClauses} terms were used");
                break;
            }

            if (joinNext && !negated && groups[^1].TrueForAll(g => !g.Negated))
            {
                groups[^1].Add(clause);
            }
            else
            {
                groups.Add([clause]);
            }

            joinNext = false;
        }

        return new Result(groups, notes);
    }

    private static string? ReadField(string input, ref int position)
    {
        foreach (var field in Fields)
        {
            if (input.Length - position > field.Length
                && string.Compare(input, position, field, 0, field.Length, StringComparison.OrdinalIgnoreCase) == 0
                && input[position + field.Length] == ':')
            {
                position += field.Length + 1;
                return field;
            }
        }

        return null;
    }

    private static QueryClause? ToClause(string? field, string text, bool quoted, bool negated, List<string> notes)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            if (field is not null)
            {
                AddNote(notes, $"'{field}:' with nothing after it was ignored");
            }

            return null;
        }

        switch (field)
        {
            case "minister":
                return new QueryClause(ClauseKind.Minister, trimmed, negated, false);
            case "portfolio":
                return new QueryClause(ClauseKind.Portfolio, trimmed, negated, false);
        }

        var titleOnly = field == "title";
        if (quoted)
        {
            return new QueryClause(ClauseKind.Phrase, trimmed, negated, titleOnly);
        }

        if (trimmed.EndsWith('*'))
        {
            var stem = trimmed.TrimEnd('*');
            if (stem.Length < 2 || stem.Contains('*'))
            {
                AddNote(notes, $"'{trimmed}' was ignored: a prefix needs at least two letters before the '*'");
                return null;
            }

            return new QueryClause(ClauseKind.Prefix, stem, negated, titleOnly);
        }

        // Stray wildcard or syntax characters inside a word are read as plain text.
        var cleaned = new StringBuilder(trimmed.Length);
        foreach (var ch in trimmed)
        {
            cleaned.Append(ch is '*' or '?' or '~' or '^' or '\\' ? ' ' : ch);
        }

        var word = cleaned.ToString().Trim();
        return word.Length == 0 ? null : new QueryClause(ClauseKind.Word, word, negated, titleOnly);
    }

    private static void AddNote(List<string> notes, string note)
    {
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }
}
