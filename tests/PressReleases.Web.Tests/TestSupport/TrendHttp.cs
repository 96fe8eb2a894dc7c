using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PressReleases.Web.Tests.TestSupport;

public sealed record ApiTrendPeriod(string Period, string Start, string End, int Count, int All, double? Share, List<int>? Split, int? Other);

public sealed record ApiTrendSplit(string Kind, List<ApiFacetValue> Values);

public sealed record ApiTrend(string Period, int Total, int Undated, string? InterpretedAs, bool MatchedAnyWord, ApiTrendSplit? Split, List<ApiTrendPeriod> Periods);

/// <summary>GET /api/trends, and the listing's count of the same search within a period, to hold the trend against.</summary>
public static class TrendHttp
{
    /// <summary>GET /api/trends with <paramref name="query"/> (no leading '?'), which must answer 200.</summary>
    public static async Task<ApiTrend> GetTrendAsync(this HttpClient client, string query = "")
    {
        var url = "/api/trends" + (query.Length > 0 ? "?" + query : "");
        var response = await client.GetJsonAsync(url);
        Assert.True(response.Status == HttpStatusCode.OK, $"GET {url} answered {(int)response.Status}: {response.Body}");
        return response.Root.Deserialize<ApiTrend>(Http.Json)!;
    }

    /// <summary>
    /// The listing's count of releases with every word for <paramref name="query"/> with from and to set to the period
    /// (kept within any dates the query has): its total, or when fewer than 20 have every word and it lists those with
    /// most of them after, <c>words.allWordsTotal</c>, the count its year facet gives too.
    /// </summary>
    public static async Task<int> ListedInAsync(this HttpClient client, string query, ApiTrendPeriod period)
    {
        var (from, to) = (period.Start, period.End);
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var bound in parameters.Where(p => p.StartsWith("from=", StringComparison.Ordinal) || p.StartsWith("to=", StringComparison.Ordinal)).ToList())
        {
            var date = bound[(bound.IndexOf('=', StringComparison.Ordinal) + 1)..];
            (from, to) = bound.StartsWith("from=", StringComparison.Ordinal)
                ? (string.CompareOrdinal(date, from) > 0 ? date : from, to)
                : (from, string.CompareOrdinal(date, to) < 0 ? date : to);
            parameters.Remove(bound);
        }

        parameters.AddRange([$"from={from}", $"to={to}", "pageSize=1"]);
        var url = "/api/releases?" + string.Join('&', parameters);
        var listing = await client.GetJsonAsync(url);
        Assert.True(listing.Status == HttpStatusCode.OK, $"GET {url} answered {(int)listing.Status}: {listing.Body}");
        return listing.Root.GetProperty("words") is { ValueKind: JsonValueKind.Object } words
            ? words.GetProperty("allWordsTotal").GetInt32()
            : listing.Root.GetProperty("total").GetInt32();
    }

    public static double? Rounded(int count, int all) => all == 0 ? null : Math.Round((double)count / all, 6);

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
