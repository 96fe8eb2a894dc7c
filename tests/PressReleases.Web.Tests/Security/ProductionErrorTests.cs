using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Security;

/// <summary>
/// A forced exception in the Production environment: API callers get a 500 ProblemDetails, people the
/// friendly page, and neither sees the exception's message, type or stack trace (the log has them).
/// </summary>
public sealed class ProductionErrorTests : IAsyncLifetime
{
    private const string Secret = "SECRET-DETAIL-7f3a";
    private const string FailingPath = "/test-only/fail";

    private readonly TempDirectory temp = new("production-errors");
    private PressReleasesFactory factory = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        factory = new PressReleasesFactory(temp.Sub("source"), temp.Sub("data"), ingestOnStartup: false, environment: "Production");
        var failing = factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingTail>()));
        client = failing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task ApiException_IsA500Problem_WithoutDetails(string method)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api" + FailingPath));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":500", body, StringComparison.Ordinal);
        AssertNoDetails(body);
        SecurityHeadersTests.AssertSecurityHeaders(response, "/api" + FailingPath);
    }

    [Fact]
    public async Task PageException_IsTheFriendly500Page_WithoutDetails()
    {
        using var response = await client.GetAsync(FailingPath);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Error 500", new HtmlParser().ParseDocument(body).QuerySelector(".error-code")?.TextContent.Trim());
        AssertNoDetails(body);
        SecurityHeadersTests.AssertSecurityHeaders(response, FailingPath);
    }

    private void AssertNoDetails(string body)
    {
        // The exception did happen (it is logged); only the answer leaves it out.
        Assert.Contains(factory.Logs.Entries, e => e.Contains(Secret, StringComparison.Ordinal));
        foreach (var detail in new[] { Secret, nameof(InvalidOperationException), nameof(FailingTail), "   at ", "StackTrace", ".cs:line" })
        {
            Assert.DoesNotContain(detail, body, StringComparison.Ordinal);
        }
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        await factory.DisposeAsync();
        temp.Dispose();
    }

    /// <summary>
    /// Middleware at the very end of the app's pipeline, reached only by requests no endpoint matched, inside
    /// the site's own exception handling: it throws for <see cref="FailingPath"/> (and its /api twin).
    /// </summary>
    private sealed class FailingTail : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                context.Request.Path.Value?.EndsWith(FailingPath, StringComparison.Ordinal) == true
                    ? throw new InvalidOperationException(Secret)
                    : nextMiddleware(context));
        };
    }
}
