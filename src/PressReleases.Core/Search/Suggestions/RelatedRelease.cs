namespace PressReleases.Core.Search.Suggestions;

/// <summary>A release shown as related to another (MoreLikeThis over title and body).</summary>
public sealed record RelatedRelease(string Slug, string Title, DateOnly? Date);
