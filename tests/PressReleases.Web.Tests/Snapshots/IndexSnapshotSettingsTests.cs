using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Snapshots;

/// <summary>The <c>PressReleases:Index</c> settings stop the site at start, naming the setting, when they cannot work.</summary>
public sealed class IndexSnapshotSettingsTests : IDisposable
{
    private const string GoodKey = "a-shared-key-for-the-index-snapshot";

    private readonly TempDirectory temp = new("snapshot-settings");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("PostgreSql", "http://node1:8080", null, "PressReleases:Index:SnapshotFrom is set but PressReleases:Index:SnapshotKey is empty")]
    [InlineData("PostgreSql", "node1:8080/x?y", GoodKey, "PressReleases:Index:SnapshotFrom is 'node1:8080/x?y'")]
    [InlineData("PostgreSql", "ftp://node1", GoodKey, "PressReleases:Index:SnapshotFrom is 'ftp://node1'")]
    [InlineData("Sqlite", null, "short", "PressReleases:Index:SnapshotKey is shorter than 16 characters")]
    [InlineData("Sqlite", "http://node1:8080", GoodKey, "PressReleases:Index:SnapshotFrom needs the PostgreSQL store")]
    public async Task Site_WithSnapshotSettingsThatCannotWork_StopsNamingTheSetting(string provider, string? from, string? key, string expected)
    {
        var settings = new Dictionary<string, string> { ["PressReleases__Store__Provider"] = provider };
        if (provider == "PostgreSql")
        {
            settings["PressReleases__Store__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nothing;Username=nobody";
        }

        if (from is not null)
        {
            settings["PressReleases__Index__SnapshotFrom"] = from;
        }

        if (key is not null)
        {
            settings["PressReleases__Index__SnapshotKey"] = key;
        }

        SiteStart.AssertStoppedForSetting(await SiteStart.RunUntilExitAsync(temp, settings), expected);
    }
}
