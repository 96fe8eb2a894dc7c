using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using PressReleases.Web.Pages.Releases;

namespace PressReleases.Web.Tests.Pages.Releases;

public class NameOptionsTests
{
    [Fact]
    public void EveryName_BecomesOneOption_WhoseValueIsTheNameAsWritten()
    {
        string[] names = ["Plain Name", "Quote \" onmouseover=alert(1) x=\"", "<b>Bold</b> & <script>alert(2)</script>", "Māori Affairs"];
        using var html = new StringWriter();
        new NameOptions(names).WriteTo(html, HtmlEncoder.Default);

        var document = new HtmlParser().ParseDocument($"<datalist id=\"names\">{html}</datalist>");
        var options = document.QuerySelectorAll("datalist#names > option");
        Assert.Equal(names, options.Select(o => o.GetAttribute("value")));
        Assert.All(options, o => Assert.Equal(["value"], o.Attributes.Select(a => a.Name)));
        Assert.Empty(document.QuerySelectorAll("b, script"));
    }
}
