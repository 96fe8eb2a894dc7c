namespace PressReleases.Core.Releases;

/// <summary>Links a release to a portfolio, keeping the spelling the file used.</summary>
public sealed class ReleasePortfolio : IReleaseNameLink
{
    public int ReleaseId { get; set; }

    public int PortfolioId { get; set; }

    public Portfolio Portfolio { get; set; } = null!;

    public int Position { get; set; }

    public required string Spelling { get; set; }

    // Explicit, so the model maps PortfolioId under its own name and nothing under this one.
    int IReleaseNameLink.NameId => PortfolioId;
}
