using System.Globalization;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Cli;

/// <summary>
/// Many small, valid release files laid out as the export is (<c>YYYY/MM/date-slug.md</c>), in path order by number:
/// enough for an ingest to take several store batches, so a test can stop it midway.
/// </summary>
public static class GeneratedReleases
{
    private static readonly string[] FirstNames = ["Jane", "Sam", "Aroha", "Wiremu", "Mere", "Tom", "Priya", "Li"];
    private static readonly string[] LastNames = ["Example", "Sample", "Tester", "Placeholder", "Mockup"];

    public static string Title(int number) => $"Generated release number {number}";

    /// <summary>Writes releases number <paramref name="first"/> up to (not including) <paramref name="count"/>.</summary>
    public static void Write(string folder, int count, int first = 0)
    {
        for (var i = first; i < count; i++)
        {
            var date = new DateOnly(2000, 1, 1).AddDays(i);
            var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var spec = ReleaseSpec.Make(
                $"generated-release-{i:00000}",
                Title(i),
                dateText,
                [$"Hon {FirstNames[i % FirstNames.Length]} {LastNames[i % LastNames.Length]}"],
                [$"Portfolio {i % 25}"],
                $"Generated body {i} about roads, schools and hospitals in region {i % 16}.");
            ReleaseFileWriter.Write(folder, spec with { FileName = $"{date:yyyy}/{date:MM}/{spec.FileName}" });
        }
    }
}
