namespace PressReleases.Web.Tests.TestSupport;

public static class ExceptionMessages
{
    /// <summary>The messages of an exception and its inner ones, joined: a start failure wraps the one that names the setting.</summary>
    public static string AllMessages(this Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
