using System.Globalization;
using AngleSharp.Html.Dom;

namespace PressReleases.Web.Tests.TestSupport;

public sealed record NameRow(string Slug, string Name, int Count, string Years);

/// <summary>The /ministers or /portfolios table read from its HTML.</summary>
public static class NameTable
{
    public static IReadOnlyList<NameRow> Parse(IHtmlDocument document, string basePath) =>
        document.QuerySelectorAll("table.names tbody tr").Select(row =>
        {
            var link = row.QuerySelector("th a")!;
            var href = link.GetAttribute("href")!;
            Assert.StartsWith(basePath + "/", href);
            var cells = row.QuerySelectorAll("td").ToList();
            return new NameRow(
                href[(basePath.Length + 1)..],
                link.TextContent.Trim(),
                int.Parse(cells[0].TextContent.Trim().Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
                cells[1].TextContent.Trim());
        }).ToList();
}
