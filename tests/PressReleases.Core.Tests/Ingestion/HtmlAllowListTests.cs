using PressReleases.Core.Ingestion;

namespace PressReleases.Core.Tests.Ingestion;

public class HtmlAllowListTests
{
    [Theory]
    [InlineData("<p>Plain &amp; simple &lt;b&gt;</p>")]
    [InlineData("<p>a<br />b</p>\n<hr />")]
    [InlineData("<ol start=\"3\">\n<li><strong>x</strong></li>\n</ol>")]
    [InlineData("<p><a href=\"https://www.beehive.govt.nz/a?b=1&amp;c=2\" rel=\"nofollow noopener\">x</a></p>")]
    [InlineData("<p><a href=\"mailto:a@example.org\" rel=\"nofollow noopener\">a@example.org</a></p>")]
    [InlineData("<p><a href=\"\">dropped address</a></p>")]
    [InlineData("<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n</tr>\n</thead>\n</table>")]
    [InlineData("<ul>\n<li>a<br>b</li>\n</ul>")]
    public void Permits_MarkdigShapedOutput(string html) => Assert.True(HtmlAllowList.Permits(html));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<p onclick=\"x()\">a</p>")]
    [InlineData("<p><a href=\"javascript:alert(1)\" rel=\"nofollow noopener\">x</a></p>")]
    [InlineData("<p><a href=\"javascript&#58;alert(1)\" rel=\"nofollow noopener\">x</a></p>")]
    [InlineData("<p><a href=\" javascript:alert(1)\" rel=\"nofollow noopener\">x</a></p>")]
    [InlineData("<p><a href=\"data:text/html,x\" rel=\"nofollow noopener\">x</a></p>")]
    [InlineData("<p><a href=\"https://example.org\">no rel</a></p>")]
    [InlineData("<p><a href=\"https://example.org\" rel=\"opener\">other rel</a></p>")]
    [InlineData("<p style=\"color:red\">a</p>")]
    [InlineData("<img src=\"x\" />")]
    [InlineData("<!-- comment -->")]
    [InlineData("<p>a > b</p>")]
    [InlineData("<p title='x'>a</p>")]
    [InlineData("<p>unclosed")]
    [InlineData("<p><a href=\"https://example.org\" rel=\"nofollow noopener\">never closed</p>")]
    [InlineData("<p><em>crossed</p></em>")]
    [InlineData("</p>")]
    [InlineData("<p>a<br>b</p></br>")]
    [InlineData("</p class=\"x\">")]
    [InlineData("<th align=\"justify\">a</th>")]
    [InlineData("<ol start=\"x\"><li>a</li></ol>")]
    public void Permits_NothingElse(string html) => Assert.False(HtmlAllowList.Permits(html));

    [Fact]
    public void RenderedBodies_KeepToTheAllowListSoTheSanitizerIsRarelyNeeded()
    {
        var body = new MarkdownRenderer().Render(
            "Funding of **$10m**.\n\n- [report](/release/x)\n- <https://example.org/y>\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nLine one  \nline two",
            new Uri("https://www.beehive.govt.nz/release/z"));

        Assert.True(HtmlAllowList.Permits(body.Html), body.Html);
        Assert.Contains("<a href=\"https://www.beehive.govt.nz/release/x\" rel=\"nofollow noopener\">report</a>", body.Html);
        Assert.Contains("<a href=\"https://example.org/y\" rel=\"nofollow noopener\">", body.Html);
    }
}
