using System.Net;
using System.Net.Http.Headers;

namespace PressReleases.Web.Tests.Api;

public sealed record ExportResponse(HttpStatusCode Status, string? MediaType, ContentDispositionHeaderValue? Disposition, byte[] Bytes, string Text);

public static class Export
{
    /// <summary>An export that must answer 200, its body decoded as UTF-8 (a leading byte order mark kept in <see cref="ExportResponse.Bytes"/> only).</summary>
    public static async Task<ExportResponse> GetExportAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return new ExportResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentDisposition, bytes, text.TrimStart('\uFEFF'));
    }

    /// <summary>The CSV's rows after the header, which must be exactly the documented one.</summary>
    public static List<List<string>> CsvRows(ExportResponse export)
    {
        var rows = Csv.Parse(export.Text);
        Assert.Equal(["slug", "title", "date", "url", "permalink", "ministers", "portfolios", "withdrawn"], rows[0]);
        Assert.All(rows, r => Assert.Equal(8, r.Count));
        return rows.Skip(1).ToList();
    }

    public static List<string> NdjsonLines(ExportResponse export)
    {
        Assert.EndsWith("\n", export.Text, StringComparison.Ordinal);
        return export.Text.Split('\n')[..^1].ToList();
    }
}
