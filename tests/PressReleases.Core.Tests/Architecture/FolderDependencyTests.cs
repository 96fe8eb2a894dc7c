using PressReleases.Core.Search;

namespace PressReleases.Core.Tests.Architecture;

/// <summary>
/// The folders of PressReleases.Core are layers: each may use only the folders listed for it here (and
/// docs/architecture.md), read from the compiled assembly, so no folder can come to depend on one above it
/// and no two folders on each other. A new folder must be added here, with what it may use.
/// Constants are copied into the code that uses them, so a use of a constant alone is not seen.
/// </summary>
public class FolderDependencyTests
{
    private const string Core = "PressReleases.Core";

    private static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        ["Releases"] = [],
        ["Hosting"] = [],
        ["Store"] = ["Releases"],
        ["Store.Sqlite"] = ["Store", "Releases"],
        ["Store.Sqlite.CompiledModel"] = ["Store.Sqlite", "Store", "Releases"],
        ["Store.Sqlite.Migrations"] = ["Store.Sqlite", "Store", "Releases"],
        ["Store.PostgreSql"] = ["Store", "Releases"],
        ["Store.PostgreSql.Migrations"] = ["Store.PostgreSql", "Store", "Releases"],
        ["Store.Providers"] = ["Store.Sqlite", "Store.PostgreSql", "Store", "Releases"],
        ["Search.Analysis"] = ["Releases"],
        ["Search.Storage"] = [],
        ["Search.Indexing"] = ["Search.Analysis", "Search.Storage", "Store", "Releases", "Hosting"],
        ["Search.Querying"] = ["Search.Analysis", "Releases"],
        ["Search.Collecting"] = ["Search.Analysis", "Search.Querying"],
        ["Search.Highlighting"] = ["Search.Analysis"],
        ["Search.Suggestions"] = ["Search.Indexing", "Search.Querying", "Search.Analysis", "Releases"],
        ["Search.Export"] = ["Releases"],
        ["Search"] =
        [
            "Search.Suggestions", "Search.Highlighting", "Search.Collecting", "Search.Querying", "Search.Export",
            "Search.Indexing", "Search.Analysis", "Store", "Releases",
        ],
        ["Reannouncements"] = ["Store", "Releases"],
        ["Ingestion"] = ["Search.Indexing", "Reannouncements", "Store.Providers", "Store", "Releases", "Hosting"],
        ["Ingestion.Watching"] = ["Ingestion", "Store.Providers", "Store"],
    };

    [Fact]
    public void EachFolder_UsesOnlyTheFoldersBelowIt()
    {
        var actual = TypeDependencies.BetweenNamespaces(typeof(SearchService).Assembly, Core);
        var problems = new List<string>();
        foreach (var (ns, uses) in actual)
        {
            var folder = ns == Core ? "" : ns[(Core.Length + 1)..];
            if (!MayUse.TryGetValue(folder, out var allowed))
            {
                problems.Add($"{ns} is not in the table of layers; add it with the folders it may use.");
                continue;
            }

            problems.AddRange(uses.Select(u => u[(Core.Length + 1)..]).Except(allowed).Select(u => $"{folder} uses {u}, which it may not."));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("Search.Indexing", actual[$"{Core}.Ingestion"].Select(u => u[(Core.Length + 1)..]));
    }

    [Fact]
    public void TableOfLayers_HasNoCycle()
    {
        // Depth-first: a folder met again while its own uses are still being walked closes a cycle.
        var done = new HashSet<string>();
        var walking = new Stack<string>();
        void Walk(string folder)
        {
            if (walking.Contains(folder))
            {
                Assert.Fail("The layers form a cycle: " + string.Join(" <- ", walking.Reverse().Append(folder)));
            }

            if (!done.Add(folder))
            {
                return;
            }

            walking.Push(folder);
            foreach (var used in MayUse[folder])
            {
                Assert.True(MayUse.ContainsKey(used), $"{folder} may use {used}, which is not in the table.");
                Walk(used);
            }

            walking.Pop();
        }

        foreach (var folder in MayUse.Keys)
        {
            Walk(folder);
        }
    }
}
