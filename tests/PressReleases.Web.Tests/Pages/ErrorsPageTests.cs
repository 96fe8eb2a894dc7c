using System.Net;
using AngleSharp.Html.Parser;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages;

/// <summary>The friendly error page for people, ProblemDetails for API callers, whatever the request method.</summary>
public sealed class ErrorsPageTests(NamesFixture site) : IClassFixture<NamesFixture>
{
    private HttpClient Client => site.Client;

    [Fact]
    public async Task UnknownPage_GivesTheFriendly404Page()
    {
        var response = await Client.GetHtmlAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("text/html", response.MediaType);
        Assert.Equal("Page not found", response.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("Error 404", response.Document.QuerySelector(".error-code")?.TextContent.Trim());
    }

    [Fact]
    public async Task PostToTheApi_GivesA405Problem()
    {
        using var response = await Client.PostAsync("/api/releases", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("PUT", "/api/releases/jane-geothermal-one")]
    [InlineData("DELETE", "/api/releases/jane-geothermal-one")]
    [InlineData("PATCH", "/api/releases")]
    public async Task AnyOtherMethodOnTheApi_GivesAProblem_NotAnHtmlPage(string method, string url)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{method} {url} answered {response.Content.Headers.ContentType} instead of application/problem+json: {body[..Math.Min(300, body.Length)]}");
    }

    [Theory]
    [InlineData("PUT", "/releases/jane-geothermal-one")]
    [InlineData("DELETE", "/ministers/jane-example")]
    public async Task AnyOtherMethodOnAPage_GivesTheErrorPage_WithItsRealStatus(string method, string url)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var status = (int)response.StatusCode;
        Assert.InRange(status, 400, 499);
        Assert.Equal($"Error {status}", document.QuerySelector(".error-code")?.TextContent.Trim());
    }
}
