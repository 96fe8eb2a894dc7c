using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

/// <summary>A release read back from the index alone, as a node shows it while its database is out of reach.</summary>
public sealed class FindInIndexTests : SampleSearchTestBase
{
    [Fact]
    public async Task HoldsWhatTheStoreHolds_ButTheFormattingAndAttachments()
    {
        var stored = await Store.Catalog.FindAsync("china-visit");
        var indexed = await Store.Search.FindInIndexAsync("china-visit");

        Assert.NotNull(stored);
        Assert.NotNull(indexed);
        Assert.False(stored.FromSearchIndex);
        Assert.True(indexed.FromSearchIndex);
        Assert.Equal(
            (stored.Id, stored.Slug, stored.Title, stored.Date, stored.SourceUrl, stored.BodyText),
            (indexed.Id, indexed.Slug, indexed.Title, indexed.Date, indexed.SourceUrl, indexed.BodyText));
        Assert.Equal(stored.Ministers, indexed.Ministers);
        Assert.Equal(stored.Portfolios, indexed.Portfolios);
        Assert.Empty(indexed.Attachments);
        Assert.StartsWith("<p>", indexed.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextThatLooksLikeMarkup_StaysText()
    {
        Store.Source.Write("markup.md", "Markup in the text", body: "First line says <script>alert(1)</script> & more.\n\nSecond paragraph.");
        await Store.IngestAsync();

        var indexed = await Store.Search.FindInIndexAsync("markup");

        Assert.NotNull(indexed);
        Assert.DoesNotContain("<script>", indexed.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", indexed.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(2, indexed.BodyHtml.Split("<p>").Length - 1);
    }

    [Theory]
    [InlineData("no-such-release")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task UnknownOrUnsafeSlug_IsNotFound(string slug)
    {
        Assert.Null(await Store.Search.FindInIndexAsync(slug));
    }

    [Fact]
    public async Task WithdrawnRelease_IsNotInTheIndex()
    {
        Store.Source.Delete("china-visit.md");
        await Store.IngestAsync();

        Assert.Null(await Store.Search.FindInIndexAsync("china-visit"));
    }
}
