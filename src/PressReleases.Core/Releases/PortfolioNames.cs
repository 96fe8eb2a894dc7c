namespace PressReleases.Core.Releases;

/// <summary>A portfolio name as shown, and the slug that identifies it ("Māori Affairs" and "Maori Affairs" share one).</summary>
public readonly record struct PortfolioName(string Name, string Slug)
{
    public bool IsPortfolio => Slug.Length > 0;
}

public static class PortfolioNames
{
    public static PortfolioName Normalize(string raw)
    {
        var name = TextFolding.CollapseWhitespace(TextFolding.NormalizePunctuation(TextFolding.RemoveControlCharacters(raw)));

        // One export row holds a URL where a portfolio belongs; it names no portfolio.
        if (name.Length == 0 || name.Length > 200 || name.Contains("://", StringComparison.Ordinal) || name.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return new PortfolioName(name, "");
        }

        return new PortfolioName(name, Slugs.From(name));
    }
}
