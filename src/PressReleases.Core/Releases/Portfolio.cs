namespace PressReleases.Core.Releases;

/// <summary>A portfolio, identified by the slug of its name (macrons and apostrophes folded).</summary>
public sealed class Portfolio : INamedEntity
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    /// <summary>The most frequent spelling among the releases in this portfolio.</summary>
    public required string Name { get; set; }
}
