using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using PressReleases.Core.Store;
using PressReleases.Web.Listing;

namespace PressReleases.Web.Tests.Listing;

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

    [Fact]
    public void OneCatalogList_SharesItsOptions_AndEachEncoderGetsItsOwnEncoding()
    {
        IReadOnlyList<NameSummary> list = [new("a", "Tāmaki & Co", 1, null, null), new("b", "Plain", 2, null, null)];
        var options = NameOptions.For(list);
        Assert.Same(options, NameOptions.For(list));
        Assert.NotSame(options, NameOptions.For(list.ToList()));

        using var strict = new StringWriter();
        options.WriteTo(strict, HtmlEncoder.Default);
        using var wide = new StringWriter();
        options.WriteTo(wide, HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        using var strictAgain = new StringWriter();
        options.WriteTo(strictAgain, HtmlEncoder.Default);

        Assert.Equal("<option value=\"T&#x101;maki &amp; Co\"></option><option value=\"Plain\"></option>", strict.ToString());
        Assert.Equal("<option value=\"Tāmaki &amp; Co\"></option><option value=\"Plain\"></option>", wide.ToString());
        Assert.Equal(strict.ToString(), strictAgain.ToString());
    }
}
