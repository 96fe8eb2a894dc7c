namespace PressReleases.Core.Releases;

/// <summary>A minister, identified by the slug of the name without honorifics.</summary>
public sealed class Minister : INamedEntity
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    /// <summary>The most frequent spelling among the releases that name this minister.</summary>
    public required string Name { get; set; }
}
