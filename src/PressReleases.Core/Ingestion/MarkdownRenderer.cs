using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PressReleases.Core.Ingestion;

/// <summary>The body of a release as safe HTML and as plain text.</summary>
public readonly record struct RenderedBody(string Html, string Text);

/// <summary>
/// Renders release bodies once, at ingestion. Raw HTML in the markdown is shown as text (Markdig's
/// DisableHtml), relative links are made absolute against the release's own site, images become links
/// (the site never loads third-party images), and the output passes an allow-list sanitizer as a second
/// line of defence. Built once and shared: the pipeline is immutable; sanitizers are per thread.
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

        var document = Markdown.Parse(markdown, pipeline);
        RewriteLinks(document, releaseUrl);

        var html = sanitizers.Value!.Sanitize(RenderHtml(document));
        var text = RenderText(document);
        return new RenderedBody(html, text);
    }

    private static void RewriteLinks(MarkdownDocument document, Uri releaseUrl)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            link.Title = null;
            if (string.IsNullOrWhiteSpace(link.Url))
            {
                continue;
            }

            var url = link.Url.Trim();
            if (url.StartsWith("//", StringComparison.Ordinal))
            {
                url = releaseUrl.Scheme + ":" + url;
            }

            if (Uri.TryCreate(releaseUrl, url, out var absolute))
            {
                link.Url = absolute.Scheme is "http" or "https" or "mailto" or "tel" ? absolute.AbsoluteUri : null;
            }
            else
            {
                link.Url = null;
            }
        }
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
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "a", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
                "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "start", "align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } anchor && anchor.HasAttribute("href"))
            {
                anchor.SetAttribute("rel", "nofollow noopener");
            }
        };
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    }
}
