using System.Globalization;
using System.Text;
using PressReleases.Core.Search;

namespace PressReleases.Benchmarks.Mix;

/// <summary>One search of the mix: words and/or filters, asked as the site's search page asks it (20 hits, 20 facet values).</summary>
public sealed record MixQuery(string Source, string? Text, IReadOnlyList<string> Ministers, IReadOnlyList<string> Portfolios, DateOnly? From, DateOnly? To)
{
    public SearchRequest ToRequest() => new()
    {
        Query = Text,
        Ministers = Ministers,
        Portfolios = Portfolios,
        From = From,
        To = To,
        PageSize = SearchRequest.DefaultPageSize,
        FacetLimit = SearchRequest.DefaultFacetLimit,
    };

    /// <summary>The same search as a JSON API path (its defaults are the page's: 20 hits, 20 facet values).</summary>
    public string ToApiPath()
    {
        var query = new List<string>();
        if (Text is not null)
        {
            query.Add("q=" + Uri.EscapeDataString(Text));
        }

        query.AddRange(Ministers.Select(m => "minister=" + Uri.EscapeDataString(m)));
        query.AddRange(Portfolios.Select(p => "portfolio=" + Uri.EscapeDataString(p)));
        if (From is { } from)
        {
            query.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            query.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return "/api/releases" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    public override string ToString()
    {
        var text = new StringBuilder(Source).Append(": ");
        text.Append(Text is null ? "(no words)" : $"q={Text}");
        foreach (var minister in Ministers)
        {
            text.Append(" minister=").Append(minister);
        }

        foreach (var portfolio in Portfolios)
        {
            text.Append(" portfolio=").Append(portfolio);
        }

        if (From is not null || To is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" {From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
        }

        return text.ToString();
    }
}
