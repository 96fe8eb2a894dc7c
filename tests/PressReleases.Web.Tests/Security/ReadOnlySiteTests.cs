using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Store;
using PressReleases.Web.Setup;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Security;

/// <summary>
/// The public site is read-only: every endpoint is GET/HEAD only (the error page excepted, see
/// <see cref="ReadOnlyPages.ErrorPage"/>), no endpoint reaches ingestion, and writing methods change nothing.
/// </summary>
public sealed class ReadOnlySiteTests(NamesFixture site) : IClassFixture<NamesFixture>
{
    private static readonly string[] WritingMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>One URL per route the site serves, each of which answers GET.</summary>
    private static readonly string[] Urls =
    [
        "/",
        "/releases",
        "/releases?q=geothermal",
        $"/releases/{NamesFixture.JaneFirst.Slug}",
        $"/releases/{NamesFixture.JaneFirst.Slug}/cite.bib",
        $"/releases/{NamesFixture.JaneFirst.Slug}/cite.ris",
        "/ministers",
        "/ministers/jane-example",
        "/portfolios",
        "/portfolios/fisheries",
        "/help/search",
        "/help/api",
        "/api/releases",
        $"/api/releases/{NamesFixture.JaneFirst.Slug}",
        "/api/releases.csv",
        "/api/releases.ndjson",
        "/feeds/releases.atom",
        "/healthz",
        "/sitemap.xml",
        "/sitemaps/pages.xml",
        "/sitemaps/releases-1.xml",
        "/robots.txt",
        "/opensearch.xml",
        "/openapi/v1.json",
        "/css/site.css",
    ];

    [Fact]
    public void EveryEndpointButTheErrorPage_AcceptsOnlyGetAndHead()
    {
        var endpoints = RouteEndpoints();
        var patterns = endpoints.Select(e => e.RoutePattern.RawText ?? "").ToList();
        foreach (var expected in new[] { "/api/releases/{slug}", "releases/{slug}", "/feeds/releases.atom", "/healthz" })
        {
            Assert.True(patterns.Any(p => p.TrimStart('/') == expected.TrimStart('/')), $"No endpoint for {expected} among: {string.Join(", ", patterns)}");
        }

        var errorPages = 0;
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == ReadOnlyPages.ErrorPage)
            {
                // Re-executed with the failed request's method, so it must answer them all; it only renders.
                errorPages++;
                continue;
            }

            Assert.True(methods is { Count: > 0 }, $"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText}) accepts every method.");
            var writing = methods.Except([HttpMethods.Get, HttpMethods.Head], StringComparer.OrdinalIgnoreCase).ToList();
            Assert.True(writing.Count == 0, $"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText}) accepts {string.Join(", ", writing)}.");
        }

        Assert.Equal(1, errorPages);
    }

    [Fact]
    public async Task NoPageButTheErrorPage_HasAHandler_ForAnythingButGet()
    {
        var pages = 0;
        foreach (var (endpoint, page) in await CompiledPagesAsync())
        {
            pages++;
            var writing = page.HandlerMethods.Where(h => !string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase)).ToList();
            if (page.ViewEnginePath == ReadOnlyPages.ErrorPage)
            {
                // Its other handlers exist only so a failed POST, PUT, DELETE or PATCH re-executed here gets the
                // page; the model can reach nothing that writes: its only dependency writes the problem answer.
                Assert.Equal(["Delete", "Patch", "Post", "Put"], writing.Select(h => h.HttpMethod).Order(StringComparer.Ordinal));
                var dependencies = page.ModelTypeInfo!.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).ToList();
                Assert.Equal([typeof(Microsoft.AspNetCore.Http.IProblemDetailsService)], dependencies);
                continue;
            }

            Assert.True(writing.Count == 0, $"{page.ViewEnginePath} ({endpoint.RoutePattern.RawText}) handles {string.Join(", ", writing.Select(h => h.HttpMethod))}.");
        }

        Assert.True(pages >= 8, $"Only {pages} page endpoints found.");
    }

    [Fact]
    public async Task NoEndpoint_ReachesIngestion()
    {
        var compiled = (await CompiledPagesAsync()).ToDictionary(p => p.Endpoint, p => p.Page);
        foreach (var endpoint in RouteEndpoints())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            Assert.DoesNotContain("ingest", pattern, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("reindex", pattern, StringComparison.OrdinalIgnoreCase);

            // Minimal API handlers carry their method; page endpoints their page model type once compiled.
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            var types = new List<Type>();
            if (handler is not null)
            {
                types.AddRange(handler.GetParameters().Select(p => p.ParameterType));
                types.Add(handler.DeclaringType!);
            }

            if (compiled.TryGetValue(endpoint, out var page) && page.ModelTypeInfo is { } model)
            {
                types.Add(model);
                types.AddRange(model.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType));
            }

            foreach (var type in types)
            {
                var name = type.FullName ?? type.Name;
                Assert.False(
                    name.StartsWith("PressReleases.Core.Ingestion", StringComparison.Ordinal) || name.StartsWith("PressReleases.Web.Cli", StringComparison.Ordinal)
                        || name.Contains("Ingest", StringComparison.Ordinal),
                    $"{endpoint.DisplayName} ({pattern}) depends on {name}.");
            }
        }
    }

    [Fact]
    public async Task WritingMethods_AreRefusedEverywhere_AndChangeNothing()
    {
        var before = await StoreSnapshotAsync();
        var listBefore = await site.Client.GetStringAsync("/api/releases?pageSize=100");
        foreach (var url in Urls)
        {
            using (var get = await site.Client.GetAsync(url))
            {
                Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)get.StatusCode}; the list of URLs is out of date.");
            }

            foreach (var method in WritingMethods)
            {
                foreach (var content in Bodies())
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
                    using var response = await site.Client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    // Static files are endpoints too (MapStaticAssets), GET and HEAD only like the rest.
                    var expected = HttpStatusCode.MethodNotAllowed;
                    Assert.True(
                        response.StatusCode == expected,
                        $"{method} {url} ({content.Headers.ContentType}) answered {(int)response.StatusCode}, expected {(int)expected}: {(body.Length > 300 ? body[..300] : body)}");
                    SecurityHeadersTests.AssertSecurityHeaders(response, $"{method} {url}");
                }
            }
        }

        Assert.Equal(before, await StoreSnapshotAsync());
        Assert.Equal(listBefore, await site.Client.GetStringAsync("/api/releases?pageSize=100"));
    }

    private static IEnumerable<HttpContent> Bodies()
    {
        yield return new StringContent("{\"title\":\"Defaced\",\"slug\":\"jane-geothermal-one\"}", Encoding.UTF8, "application/json");
        yield return new FormUrlEncodedContent([new("title", "Defaced"), new("__RequestVerificationToken", "forged")]);
    }

    /// <summary>Each page endpoint with its compiled descriptor (handler methods, page model type), loaded the way the first request would.</summary>
    private async Task<List<(RouteEndpoint Endpoint, CompiledPageActionDescriptor Page)>> CompiledPagesAsync()
    {
        var loader = site.Factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<(RouteEndpoint, CompiledPageActionDescriptor)>();
        foreach (var endpoint in RouteEndpoints())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                pages.Add((endpoint, descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata)));
            }
        }

        return pages;
    }

    private List<RouteEndpoint> RouteEndpoints()
    {
        var endpoints = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count >= 20, $"Only {endpoints.Count} endpoints found.");
        return endpoints;
    }

    /// <summary>Everything a write would touch: releases (with their change sequence), names, links and ingest runs.</summary>
    private async Task<string> StoreSnapshotAsync()
    {
        var contexts = site.Factory.Services.GetRequiredService<IDbContextFactory<PressReleasesDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var releases = await db.Releases.OrderBy(r => r.Id)
            .Select(r => $"{r.Id}|{r.Slug}|{r.Title}|{r.Date}|{r.ChangeSeq}|{r.RemovedAt}|{r.ContentHash}|{r.UpdatedAt}")
            .ToListAsync();
        var counts = new[]
        {
            await db.Ministers.CountAsync(),
            await db.Portfolios.CountAsync(),
            await db.ReleaseMinisters.CountAsync(),
            await db.ReleasePortfolios.CountAsync(),
            await db.IngestRuns.CountAsync(),
            await db.IngestProblems.CountAsync(),
        };
        Assert.Equal(NamesFixture.All.Count, releases.Count);
        return string.Join('\n', releases) + "\n" + string.Join(',', counts);
    }
}
