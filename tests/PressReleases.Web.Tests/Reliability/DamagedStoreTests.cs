using System.Text;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Reliability;

/// <summary>
/// A damaged SQLite store stops the command line and the site at start with an error naming the file, and
/// is left exactly as it was: never overwritten, never re-created empty (which would lose every release).
/// </summary>
public sealed class DamagedStoreTests(SeedsDataDirectory seeds) : IClassFixture<SeedsDataDirectory>
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    public static TheoryData<string> Damages => ["garbage header", "truncated", "not a database"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Ingest_FailsWithTheFileNamed_AndLeavesTheStoreUntouched(string damage)
    {
        using var temp = new TempDirectory("damaged-store-cli");
        var data = seeds.CopyTo(Path.Combine(temp.Path, "data"));
        var database = Damage(Path.Combine(data, "pressreleases.db"), damage);
        var before = File.ReadAllBytes(database);

        var result = await CliRunner.RunAsync(data, temp.Path, "ingest", RepoPaths.Seeds);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"The store '{database}' cannot be opened", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Added", result.StdOut, StringComparison.Ordinal);
        AssertUnchanged(database, before);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Site_StopsAtStartWithTheFileNamed_AndLeavesTheStoreUntouched(string damage)
    {
        using var temp = new TempDirectory("damaged-store-site");
        var data = seeds.CopyTo(Path.Combine(temp.Path, "data"));
        var database = Damage(Path.Combine(data, "pressreleases.db"), damage);
        var before = File.ReadAllBytes(database);

        // The site itself (no verb), with a source folder it would otherwise ingest into the store.
        using var site = ChildApp.Start(data, temp.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["PressReleases__SourceFolder"] = RepoPaths.Seeds,
            ["PressReleases__IngestOnStartup"] = "true",
        });
        var exitCode = await site.WaitForExitAsync(StartLimit);

        Assert.True(exitCode == 1, $"exit code {exitCode}\n{site.Output}");
        Assert.Contains($"The store '{database}' cannot be opened", site.Output, StringComparison.Ordinal);
        AssertUnchanged(database, before);
    }

    /// <summary>Damages the file the way a bad disk, a full disk or a wrong copy would; returns its path.</summary>
    private static string Damage(string database, string damage)
    {
        switch (damage)
        {
            case "garbage header":
                using (var stream = new FileStream(database, FileMode.Open, FileAccess.Write))
                {
                    stream.Write(Encoding.ASCII.GetBytes("not sqlite at all, sorry"));
                }

                break;
            case "truncated":
                using (var stream = new FileStream(database, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(stream.Length / 2);
                }

                break;
            case "not a database":
                File.WriteAllText(database, string.Concat(Enumerable.Repeat("These are my notes, saved over the store by mistake.\n", 200)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }

        return database;
    }

    private static void AssertUnchanged(string database, byte[] before)
    {
        Assert.True(File.Exists(database), "The damaged store was deleted.");
        Assert.True(before.AsSpan().SequenceEqual(File.ReadAllBytes(database)), "The damaged store was written to.");
    }
}
