namespace PressReleases.Web.Setup;

/// <summary>
/// <c>PressReleases:JsonLogs=true</c>: every console log line is one JSON object (timestamp in UTC, level, category,
/// event id, message, the message's values), for a log collector; the Docker image turns it on. Off, the console
/// gets the framework's plain lines (the site) or the command line's own (verbs).
/// </summary>
public static class JsonLogs
{
    public const string SettingKey = PressReleasesOptions.SectionName + ":" + nameof(PressReleasesOptions.JsonLogs);

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(SettingKey);

    /// <summary>Switches the console logger to JSON when the setting is on; true when it did.</summary>
    public static bool UseWhenOn(ILoggingBuilder logging, IConfiguration configuration)
    {
        if (!IsOn(configuration))
        {
            return false;
        }

        logging.AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return true;
    }

    public static WebApplicationBuilder AddPressReleaseLogging(this WebApplicationBuilder builder)
    {
        UseWhenOn(builder.Logging, builder.Configuration);
        return builder;
    }
}
