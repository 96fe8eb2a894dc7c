using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace PressReleases.Core.Tests.Ingestion.BadInput;

/// <summary>
/// Real corpus files with bytes flipped, truncated and ranges duplicated: the parser either reads each or
/// rejects it with a <see cref="ReleaseFileException"/> (never another exception, never a hang), and one
/// ingest of the whole mutated folder stores or reports every file. The seed is printed; replay or run
/// longer with PRESSRELEASES_FUZZ_SEED and PRESSRELEASES_FUZZ_FILES.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Corpus)]
public abstract class FuzzIngestTests(StoreProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const int DefaultSeed = 20_260_906;
    private const int DefaultFiles = 300;

    /// <summary>A hang detector, not a speed limit: the slowest real file parses in milliseconds.</summary>
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    /// <summary>Byte sequences that steer mutations towards the parser's decisions.</summary>
    private static readonly byte[][] Tokens =
    [
        "---\n"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), ": "u8.ToArray(), "- "u8.ToArray(), "["u8.ToArray(), "]("u8.ToArray(),
        "&a "u8.ToArray(), "*a"u8.ToArray(), "\""u8.ToArray(), "'"u8.ToArray(), "{"u8.ToArray(), "\t"u8.ToArray(), "`"u8.ToArray(),
        "<script>"u8.ToArray(), "javascript:"u8.ToArray(), [0], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], "\u202E"u8.ToArray(),
    ];

    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task MutatedCorpusFiles_AreReadOrRejected_NeverCrashOrHang_AndEachIsStoredOrReported()
    {
        var seed = EnvironmentNumber("PRESSRELEASES_FUZZ_SEED") ?? DefaultSeed;
        var count = EnvironmentNumber("PRESSRELEASES_FUZZ_FILES") ?? DefaultFiles;
        output.WriteLine($"Fuzz seed {seed}, {count} files. Replay: PRESSRELEASES_FUZZ_SEED={seed} PRESSRELEASES_FUZZ_FILES={count} dotnet test tests/PressReleases.Core.Tests --filter FullyQualifiedName~FuzzIngestTests");

        var corpus = Directory.EnumerateFiles(RepoPaths.RequireCorpusFolder(), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var parser = new ReleaseFileParser(new MarkdownRenderer());
        var rejectedByParser = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var original = corpus[random.Next(corpus.Count)];
            var bytes = Mutate(File.ReadAllBytes(original), random, out var mutations);
            var name = $"{i:00000}-{Path.GetFileName(original)}";
            store.Source.WriteBytes(name, bytes);

            var parse = Task.Run(() => parser.Parse(bytes));
            if (!FinishesWithin(parse, HangAfter))
            {
                Assert.Fail($"Parsing {name} ({original}; {mutations}) did not finish within {HangAfter.TotalSeconds:0} s. Seed {seed}.");
            }

            if (parse.Exception?.InnerException is ReleaseFileException)
            {
                rejectedByParser.Add(name);
            }
            else if (parse.Exception?.InnerException is { } unexpected)
            {
                failures.Add($"{name} ({original}; {mutations}): {unexpected.GetType().Name}: {unexpected.Message}");
            }
        }

        output.WriteLine($"{count - rejectedByParser.Count} mutated files read, {rejectedByParser.Count} rejected by the parser.");
        Assert.True(failures.Count == 0, $"Seed {seed}: exceptions other than ReleaseFileException:\n" + string.Join("\n", failures));

        var report = await store.IngestAsync();

        Assert.Equal(count, report.FilesSeen);
        Assert.Equal((0, 0), (report.Updated, report.Unchanged));
        Assert.Equal(count, report.Added + report.Rejected);
        Assert.Equal(rejectedByParser.Order(StringComparer.Ordinal), report.Errors.Select(e => e.File).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(report.Problems, p => p.Message.Contains("unexpected", StringComparison.OrdinalIgnoreCase));

        await using var db = store.NewDb();
        var stored = await db.Releases.AsNoTracking().Select(r => r.SourcePath).ToListAsync();
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => i.ToString("00000", CultureInfo.InvariantCulture)),
            stored.Concat(rejectedByParser).Select(n => n[..5]).Order(StringComparer.Ordinal));
        Assert.Equal(report.Added, store.Index.DocumentCount);
    }

    private static bool FinishesWithin(Task task, TimeSpan limit)
    {
        try
        {
            return task.Wait(limit);
        }
        catch (AggregateException)
        {
            return true; // finished by throwing; the caller looks at the exception
        }
    }

    /// <summary>One to four mutations: flipped bytes, a truncation, a duplicated range, an inserted token.</summary>
    private static byte[] Mutate(byte[] bytes, Random random, out string description)
    {
        var result = new List<byte>(bytes);
        var done = new List<string>();
        var steps = random.Next(1, 5);
        for (var step = 0; step < steps; step++)
        {
            switch (random.Next(4))
            {
                case 0:
                    var flips = random.Next(1, 9);
                    for (var f = 0; f < flips && result.Count > 0; f++)
                    {
                        var at = random.Next(result.Count);
                        result[at] = random.Next(2) == 0 ? (byte)(result[at] ^ (1 << random.Next(8))) : (byte)random.Next(256);
                    }

                    done.Add($"flip {flips}");
                    break;
                case 1:
                    var keep = result.Count == 0 ? 0 : random.Next(result.Count);
                    result.RemoveRange(keep, result.Count - keep);
                    done.Add($"truncate at {keep}");
                    break;
                case 2:
                    if (result.Count > 0)
                    {
                        var start = random.Next(result.Count);
                        var length = Math.Min(random.Next(1, 4096), result.Count - start);
                        var target = random.Next(result.Count + 1);
                        var times = random.Next(1, 4);
                        var range = result.GetRange(start, length);
                        for (var t = 0; t < times; t++)
                        {
                            result.InsertRange(target, range);
                        }

                        done.Add($"duplicate {start}+{length} x{times} at {target}");
                    }

                    break;
                default:
                    var token = Tokens[random.Next(Tokens.Length)];
                    var where = random.Next(result.Count + 1);
                    result.InsertRange(where, token);
                    done.Add($"insert token {Convert.ToHexString(token)} at {where}");
                    break;
            }
        }

        description = string.Join(", ", done);
        return [.. result];
    }

    private static int? EnvironmentNumber(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

public sealed class FuzzIngestOnSqliteTests(ITestOutputHelper output) : FuzzIngestTests(StoreProvider.Sqlite, output);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class FuzzIngestOnPostgreSqlTests(ITestOutputHelper output) : FuzzIngestTests(StoreProvider.PostgreSql, output);
