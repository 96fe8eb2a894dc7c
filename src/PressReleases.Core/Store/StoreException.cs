namespace PressReleases.Core.Store;

/// <summary>The store cannot be used; the message, one line written for an operator, says why.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The messages of an exception and its causes, each once, on one line (a driver's messages may span several).</summary>
    public static string OneLine(Exception exception)
    {
        var messages = new List<string>();
        foreach (var e in Chain(exception))
        {
            var message = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message.TrimEnd('.'));
            }
        }

        return string.Join(": ", messages) + ".";
    }

    /// <summary>The exception and its inner exceptions, outermost first.</summary>
    public static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
