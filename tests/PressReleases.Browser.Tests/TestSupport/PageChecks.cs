using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PressReleases.Browser.Tests.TestSupport;

/// <summary>Reading the pages the way a user sees them, plus the checks several tests share.</summary>
public static partial class PageChecks
{
    /// <summary>Result titles on a listing, as shown.</summary>
    public static async Task<IReadOnlyList<string>> ResultTitlesAsync(this IPage page) =>
        (await page.Locator(".results .result__title a").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    /// <summary>The ISO dates of the results on a listing, in page order (undated results have none).</summary>
    public static async Task<IReadOnlyList<DateOnly>> ResultDatesAsync(this IPage page)
    {
        var values = await page.Locator(".results .result__meta time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        return values.Select(v => DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The total in the listing's heading ("213 releases" → 213).</summary>
    public static async Task<int> ResultTotalAsync(this IPage page)
    {
        var text = await page.Locator("#results-heading").InnerTextAsync();
        return LeadingNumber(text);
    }

    public static int LeadingNumber(string text)
    {
        var match = NumberPattern().Match(text);
        Assert.True(match.Success, $"No number in “{text}”.");
        return int.Parse(match.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>One query-string parameter's values from a page URL.</summary>
    public static IReadOnlyList<string> QueryValues(string url, string name)
    {
        var query = new Uri(url).Query.TrimStart('?');
        return query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(parts => Uri.UnescapeDataString(parts[0]) == name)
            .Select(parts => parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "")
            .ToList();
    }

    /// <summary>
    /// Waits until the page's address matches (after a click or a key press) and that page has loaded. Polls the
    /// address, and then the document's ready state, rather than waiting for navigation or load events, which can
    /// fire before a wait is set up (a wait for the load state once hung 30 s in CI on a page that had loaded).
    /// </summary>
    public static Task ArriveAsync(this IPage page, Regex url) => page.ArriveAsync(url.IsMatch, url.ToString());

    public static async Task ArriveAsync(this IPage page, Func<string, bool> url, string? description = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!url(page.Url))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The browser did not reach {description ?? "the expected address"}; it is at {page.Url}.");
            await Task.Delay(25);
        }

        while (!await IsLoadedAsync(page))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The page at {page.Url} did not finish loading.");
            await Task.Delay(25);
        }
    }

    private static async Task<bool> IsLoadedAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("() => document.readyState") == "complete";
        }
        catch (PlaywrightException)
        {
            // Between two documents there is no context to ask yet.
            return false;
        }
    }

    /// <summary>Navigates and requires the answer's status.</summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string url, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(url);
        Assert.NotNull(response);
        Assert.True(response.Status == expectedStatus, $"GET {url} answered {response.Status}, expected {expectedStatus}.");
        return response;
    }

    /// <summary>Runs axe on the page and fails with every violation spelled out (rule, impact, element, why).</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page, string what)
    {
        AxeResult result = await page.RunAxe();
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe found {result.Violations.Length} kind(s) of violation on {what} ({page.Url}):\n");
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes.Take(8))
            {
                var why = string.Join("; ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message));
                report.AppendLine($"    {node.Target}: {Shorten(node.Html)} — {why}");
            }

            if (violation.Nodes.Length > 8)
            {
                report.AppendLine($"    … and {violation.Nodes.Length - 8} more");
            }
        }

        Assert.Fail(report.ToString());
    }

    private static string Shorten(string value) => value.Length > 240 ? value[..240] + "…" : value;

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex NumberPattern();
}

/// <summary>The site's JSON API over the same socket the browser uses: for choosing test data, never for the checks themselves.</summary>
public static class SiteApi
{
    public static async Task<JsonElement> GetJsonAsync(string baseUrl, string pathAndQuery)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var body = await client.GetStringAsync(baseUrl + pathAndQuery);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// A dated release with at least one minister and one portfolio and an external link in its body (the print
    /// stylesheet prints link addresses), preferring the newest; any dated release with a minister if none has a link.
    /// </summary>
    public static async Task<string> PickRichReleaseSlugAsync(string baseUrl)
    {
        string? fallback = null;
        for (var pageNumber = 1; pageNumber <= 3; pageNumber++)
        {
            var list = await GetJsonAsync(baseUrl, $"/api/releases?pageSize=100&page={pageNumber}");
            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("date").ValueKind == JsonValueKind.Null
                    || item.GetProperty("ministers").GetArrayLength() == 0
                    || item.GetProperty("portfolios").GetArrayLength() == 0)
                {
                    continue;
                }

                var slug = item.GetProperty("slug").GetString()!;
                fallback ??= slug;
                var release = await GetJsonAsync(baseUrl, $"/api/releases/{slug}");
                if (release.GetProperty("html").GetString()!.Contains("href=\"http", StringComparison.Ordinal))
                {
                    return slug;
                }
            }

            if (list.GetProperty("items").GetArrayLength() < 100)
            {
                break;
            }
        }

        return fallback ?? throw new InvalidOperationException("No seed release has a date, a minister and a portfolio.");
    }
}
