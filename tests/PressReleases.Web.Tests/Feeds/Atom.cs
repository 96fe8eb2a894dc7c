using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;

namespace PressReleases.Web.Tests.Feeds;

public sealed record AtomResponse(HttpStatusCode Status, string? MediaType, string? CharSet, SyndicationFeed Feed);

/// <summary>Fetches a feed and parses it with <see cref="SyndicationFeed.Load(XmlReader)"/>, which rejects what is neither Atom 1.0 nor RSS 2.0; the root element tells which.</summary>
public static class Atom
{
    public static async Task<AtomResponse> GetFeedAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        using var reader = XmlReader.Create(new StringReader(body));
        var feed = SyndicationFeed.Load(reader);
        Assert.StartsWith("<?xml", body, StringComparison.Ordinal);
        Assert.Contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", body, StringComparison.Ordinal);
        return new AtomResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet, feed);
    }

    /// <summary>The entry's link with relation <paramref name="rel"/> (alternate when the feed left it implicit).</summary>
    public static Uri? Link(this SyndicationItem item, string rel) =>
        item.Links.FirstOrDefault(l => (l.RelationshipType ?? "alternate") == rel)?.Uri;

    public static Uri? Link(this SyndicationFeed feed, string rel) =>
        feed.Links.FirstOrDefault(l => (l.RelationshipType ?? "alternate") == rel)?.Uri;
}
