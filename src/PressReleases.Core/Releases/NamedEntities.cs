namespace PressReleases.Core.Releases;

/// <summary>A minister or a portfolio as stored: both tables have this shape.</summary>
public interface INamedEntity
{
    int Id { get; }

    string Slug { get; }

    /// <summary>The display name: the most frequent spelling among current releases.</summary>
    string Name { get; set; }
}

/// <summary>A release's link to a minister or a portfolio, with the file's own spelling and position.</summary>
public interface IReleaseNameLink
{
    int ReleaseId { get; set; }

    /// <summary>The linked minister's or portfolio's id.</summary>
    int NameId { get; }

    int Position { get; set; }

    string Spelling { get; set; }
}
