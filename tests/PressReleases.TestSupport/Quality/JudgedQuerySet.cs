using System.Text.Json;

namespace PressReleases.TestSupport.Quality;

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

    /// <exception cref="FileNotFoundException">The file is not there (the message says where it was looked for).</exception>
    public static JudgedQuerySet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The judged query set was not found at '{path}'.", path);
        }

        return JsonSerializer.Deserialize<JudgedQuerySet>(File.ReadAllText(path), Options)
               ?? throw new InvalidDataException($"'{path}' holds no query set.");
    }

    /// <summary>The categories in file order (then any a query names that the header does not).</summary>
    public IReadOnlyList<string> CategoryOrder =>
        Categories.Keys.Concat(Queries.Select(q => q.Category)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The queries of one split ("all" or null for every query) and one kind (null for every kind).</summary>
    public IReadOnlyList<JudgedQuery> Select(string? split, string? kind) => Queries
        .Where(q => split is null or "all" || q.Split == split)
        .Where(q => kind is null || q.Category == kind)
        .ToList();
}
