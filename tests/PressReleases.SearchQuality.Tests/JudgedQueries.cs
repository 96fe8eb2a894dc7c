using System.Text.Json;

namespace PressReleases.SearchQuality.Tests;

/// <summary>One judged query: what a person types and the releases (slugs) that must be on the first page.</summary>
public sealed record JudgedQuery
{
    public required string Id { get; init; }

    public required string Category { get; init; }

    public required string Query { get; init; }

    public required IReadOnlyList<string> Relevant { get; init; }

    /// <summary>Why these releases are the right answers.</summary>
    public required string Note { get; init; }
}

/// <summary>judged-queries.json: how the set was judged, its categories and its queries.</summary>
public sealed record JudgedQuerySet
{
    public const string FileName = "judged-queries.json";

    public string About { get; init; } = "";

    public IReadOnlyList<string> Judging { get; init; } = [];

    /// <summary>Category name → what it tests, in the order the report lists them.</summary>
    public IReadOnlyDictionary<string, string> Categories { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<JudgedQuery> Queries { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static JudgedQuerySet Load(string path)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"The judged query set was not found at '{path}' (it is copied beside the test binaries from the project folder).");
        }

        return JsonSerializer.Deserialize<JudgedQuerySet>(File.ReadAllText(path), Options)
               ?? throw new InvalidDataException($"'{path}' holds no query set.");
    }

    /// <summary>The categories in file order (then any a query names that the header does not).</summary>
    public IReadOnlyList<string> CategoryOrder =>
        Categories.Keys.Concat(Queries.Select(q => q.Category)).Distinct(StringComparer.Ordinal).ToList();
}
