namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>Where screenshots and PDFs go: under the test output folder (bin/…/TestResults/screenshots), never into the source tree.</summary>
public static class Screenshots
{
    public static string Folder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
