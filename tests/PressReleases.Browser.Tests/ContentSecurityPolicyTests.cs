using Microsoft.Playwright;
using PressReleases.Browser.Tests.TestSupport;

namespace PressReleases.Browser.Tests;

/// <summary>
/// The real pages under the real Content-Security-Policy, in a context that does NOT bypass it: the browser reports
/// no violation, so the policy and the pages are compatible (no inline script, style or handler anywhere).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class ContentSecurityPolicyTests(BrowserFixture site) : IAsyncLifetime
{
    private readonly List<string> violations = [];
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await site.NewPageAsync(new BrowserNewContextOptions { BypassCSP = false });
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
    }

    public Task DisposeAsync() => page.Context.CloseAsync();

    [Fact]
    public async Task HomeResultsAndReleasePages_LoadWithoutCspViolations()
    {
        var release = await site.RichReleasePathAsync();
        foreach (var path in new[] { "/", "/releases?q=japan", release, release + "?q=japan" })
        {
            var response = await page.OpenAsync(path);
            var csp = await response.HeaderValueAsync("content-security-policy");
            Assert.False(string.IsNullOrEmpty(csp), $"{path} has no Content-Security-Policy header, so this test would prove nothing.");
            Assert.DoesNotContain("unsafe-inline", csp);

            // The stylesheet really applied (a blocked stylesheet would leave the skip link visible in the flow).
            await page.WaitForLoadStateAsync(LoadState.Load);
            var styled = await page.EvaluateAsync<bool>("() => document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0");
            Assert.True(styled, $"{path}: the site's stylesheet did not load.");
        }

        // Console messages arrive asynchronously: give any late report a moment.
        await Task.Delay(300);
        lock (violations)
        {
            Assert.True(violations.Count == 0, "The browser reported CSP violations:\n" + string.Join("\n", violations));
        }
    }

    [Fact]
    public async Task InlineStyle_IsReported_SoTheCheckAboveCanFail()
    {
        await page.OpenAsync("/");
        await page.EvaluateAsync("() => { const s = document.createElement('style'); s.textContent = 'body { color: red }'; document.head.appendChild(s); }");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            lock (violations)
            {
                if (violations.Count > 0)
                {
                    return;
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail("An inline <style> added to the home page produced no CSP console message; the policy or the listener is not working.");
    }
}
