using PressReleases.Core.Ingestion;
using PressReleases.TestSupport;

namespace PressReleases.Core.Tests.Ingestion;

public class MarkdownRendererTests
{
    private static readonly Uri ReleaseUrl = new("https://www.beehive.govt.nz/release/some-release");

    private readonly MarkdownRenderer renderer = new();

    private RenderedBody Render(string markdown) => renderer.Render(markdown, ReleaseUrl);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Render_BlankMarkdownGivesNothing(string markdown)
    {
        var body = Render(markdown);
        Assert.Equal("", body.Html);
        Assert.Equal("", body.Text);
    }

    [Fact]
    public void Render_MarkdownBecomesHtmlAndPlainText()
    {
        var body = Render("Funding of **$10 million** for _schools_.\n\n- first point\n- second point\n\n## Background\n\nMore.");
        Assert.Contains("<strong>$10 million</strong>", body.Html);
        Assert.Contains("<em>schools</em>", body.Html);
        Assert.Contains("<li>first point</li>", body.Html);
        Assert.Contains("<h2>Background</h2>", body.Html);
        Assert.Contains("Funding of $10 million for schools.", body.Text);
        Assert.Contains("second point", body.Text);
        Assert.DoesNotContain("<", body.Text);
        Assert.DoesNotContain("**", body.Text);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("Hello <img src=x onerror=alert(1)> world")]
    [InlineData("<div onclick=\"steal()\">click</div>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Render_RawHtmlIsShownAsTextNeverAsALiveTag(string markdown)
    {
        var html = Render(markdown).Html;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html);
    }

    [Fact]
    public void Render_RawScriptKeepsItsWordsVisible()
    {
        var body = Render("Officials warned about <script>alert(1)</script> in emails.");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body.Html);
        Assert.Contains("<script>alert(1)</script>", body.Text);
    }

    [Theory]
    [InlineData("[click me](javascript:alert(1))")]
    [InlineData("[click me](JavaScript:alert(1))")]
    [InlineData("[click me](vbscript:msgbox)")]
    [InlineData("[click me](data:text/html;base64,PHNjcmlwdD4=)")]
    public void Render_UnsafeLinksLoseTheirHref(string markdown)
    {
        var html = Render(markdown).Html;
        Assert.Contains("click me", html);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"", html.Replace("href=\"\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[other](/release/other-release)", "https://www.beehive.govt.nz/release/other-release")]
    [InlineData("[other](other-release)", "https://www.beehive.govt.nz/release/other-release")]
    [InlineData("[cdn](//cdn.example.org/file.pdf)", "https://cdn.example.org/file.pdf")]
    [InlineData("[abs](http://www.example.org/a?b=1)", "http://www.example.org/a?b=1")]
    [InlineData("[mail](mailto:press@example.org)", "mailto:press@example.org")]
    public void Render_LinksAreMadeAbsoluteAgainstTheReleaseUrl(string markdown, string href)
    {
        var html = Render(markdown).Html;
        Assert.Contains($"href=\"{href}\"", html);
    }

    [Fact]
    public void Render_LinksOpenSafely()
    {
        var html = Render("[other](https://www.example.org/)").Html;
        Assert.Contains("rel=\"nofollow noopener\"", html);
    }

    [Fact]
    public void Render_ImagesBecomeLinks()
    {
        var body = Render("![Minister at the opening](/sites/default/files/photo.jpg)");
        Assert.DoesNotContain("<img", body.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://www.beehive.govt.nz/sites/default/files/photo.jpg\"", body.Html);
        Assert.Contains(">Minister at the opening</a>", body.Html);
        Assert.Contains("Minister at the opening", body.Text);
    }

    [Fact]
    public void Render_LinkTitlesAreDropped()
    {
        var html = Render("[x](https://www.example.org/ \"a title\")").Html;
        Assert.DoesNotContain("title=", html);
    }

    [Fact]
    public void Render_TextHasLinkLabelsButNotTheirAddresses()
    {
        var text = Render("See [the full report](https://www.example.org/report.pdf) for details.").Text;
        Assert.Contains("See the full report for details.", text);
        Assert.DoesNotContain("example.org", text);
    }

    [Fact]
    public void Render_PipeTablesRender()
    {
        var html = Render("| Region | Amount |\n|---|---|\n| Otago | $5m |\n").Html;
        Assert.Contains("<table>", html);
        Assert.Contains("<td>Otago</td>", html);
    }

    [Fact]
    public void Render_ReferenceLinksAreRewrittenLikeInlineOnes()
    {
        var html = Render("See [the report][r] and [this][bad].\n\n[r]: /files/report.pdf\n[bad]: javascript:alert(1)\n").Html;
        Assert.Contains("href=\"https://www.beehive.govt.nz/files/report.pdf\"", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("this", html);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    public void Render_UnsafeAutolinksLoseTheirHref(string markdown)
    {
        var html = Render(markdown).Html;
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_BareWebAddressesBecomeLinks()
    {
        var html = Render("Details at www.beehive.govt.nz/budget and <https://www.treasury.govt.nz/>.").Html;
        Assert.Contains("href=\"http://www.beehive.govt.nz/budget\"", html);
        Assert.Contains("href=\"https://www.treasury.govt.nz/\"", html);
    }

    /// <summary>
    /// One renderer writes body after body through the same Markdig renderers and buffer; every body must come out as
    /// a renderer that never rendered anything before would write it, including after a body that failed part-way.
    /// </summary>
    [Fact]
    public void Render_BodyAfterBody_GivesWhatAFreshRendererGives()
    {
        var bodies = Directory.EnumerateFiles(RepoPaths.RequireSeedsFolder(), "*.md")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(text => text.StartsWith("---\n", StringComparison.Ordinal))
            .Select(text => FrontMatter.Split(text).Body)
            .Where(body => !string.IsNullOrWhiteSpace(body))
            .ToList();
        Assert.True(bodies.Count > 100, $"only {bodies.Count} seed bodies");

        // A table and a list first, so what each leaves behind (open blocks, indents) would show in the next body.
        bodies.Insert(0, "| a | b |\n|---|---|\n| 1 | 2 |");
        bodies.Insert(1, "- one\n  - two\n    > quoted");
        bodies.Insert(2, new string('>', 1_000) + " x");
        foreach (var body in bodies)
        {
            var fresh = Rendered(new MarkdownRenderer(), body);
            Assert.Equal(fresh, Rendered(renderer, body));
        }
    }

    private static object Rendered(MarkdownRenderer renderer, string markdown)
    {
        try
        {
            return renderer.Render(markdown, ReleaseUrl);
        }
        catch (ReleaseFileException ex)
        {
            return ex.Message;
        }
    }
}
