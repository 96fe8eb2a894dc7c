namespace PressReleases.Core.Releases;

/// <summary>A minister or portfolio as shown: its slug (for links and filters) and display name.</summary>
public sealed record NameRef(string Slug, string Name);
