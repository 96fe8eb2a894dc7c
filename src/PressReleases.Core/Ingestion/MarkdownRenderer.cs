using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PressReleases.Core.Ingestion;

/// <summary>The body of a release as safe HTML and as plain text.</summary>
public readonly record struct RenderedBody(string Html, string Text);

/// <summary>
/// Renders release bodies once, at ingestion. Raw HTML in the markdown is shown as text (Markdig's
/// DisableHtml), relative links are made absolute against the release's own site, images become links
/// (the site never loads third-party images), and every link gets rel="nofollow noopener". The output is
/// then held to an allow-list (<see cref="HtmlAllowList"/>) as a second line of defence: output that keeps
/// to it is stored as it is, anything else goes through HtmlSanitizer with the same allow-list. Built once
/// and shared: the pipeline is immutable; sanitizers are per thread.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly ThreadLocal<HtmlSanitizer> sanitizers = new(CreateSanitizer);

    public RenderedBody Render(string markdown, Uri releaseUrl)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return new RenderedBody("", "");
        }

        try
        {
            var document = Markdown.Parse(markdown, pipeline);
            RewriteLinks(document, releaseUrl);

            var rendered = RenderHtml(document);
            var html = HtmlAllowList.Permits(rendered) ? rendered : sanitizers.Value!.Sanitize(rendered);
            var text = RenderText(document);
            return new RenderedBody(html, text);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig refuses input nested past its depth limit (when parsing or rendering); that is a
            // property of the file, not a bug.
            throw new ReleaseFileException("the body is nested too deeply to render (Markdig's depth limit)");
        }
    }

    private static void RewriteLinks(MarkdownDocument document, Uri releaseUrl)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            link.Title = null;
            link.Url = SafeAbsoluteUrl(link.Url, releaseUrl);
            if (link.Url is not null)
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", HtmlAllowList.LinkRel);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            // <https://…> and <name@example.org>: an address the check does not accept leaves the link to the sanitizer.
            autolink.GetAttributes().AddPropertyIfNotExist("rel", HtmlAllowList.LinkRel);
        }
    }

    private static string? SafeAbsoluteUrl(string? url, Uri releaseUrl)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return url;
        }

        url = url.Trim();
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = releaseUrl.Scheme + ":" + url;
        }

        return Uri.TryCreate(releaseUrl, url, out var absolute) && HtmlAllowList.Schemes.Contains(absolute.Scheme) ? absolute.AbsoluteUri : null;
    }

    private string RenderHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private string RenderText(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer)
        {
            EnableHtmlForBlock = false,
            EnableHtmlForInline = false,
            EnableHtmlEscape = false,
        };
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        // The export is full of non-breaking spaces after full stops; in plain text they are just spaces.
        return writer.ToString().Replace('\u00A0', ' ').Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(HtmlAllowList.Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(HtmlAllowList.Attributes.Where(a => a != "rel"), StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(HtmlAllowList.Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } anchor && anchor.HasAttribute("href"))
            {
                anchor.SetAttribute("rel", HtmlAllowList.LinkRel);
            }
        };
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    }
}
