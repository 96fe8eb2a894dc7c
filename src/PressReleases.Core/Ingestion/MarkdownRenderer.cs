using System.Globalization;
using System.Text;
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
/// and shared: the pipeline is immutable; sanitizers and Markdig's renderers are per thread.
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
    private readonly ThreadLocal<BodyWriters> writers;

    public MarkdownRenderer() => writers = new ThreadLocal<BodyWriters>(() => new BodyWriters(pipeline));

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

    private string RenderHtml(MarkdownDocument document) => Writers().Write(document, plainText: false);

    // The export is full of non-breaking spaces after full stops; in plain text they are just spaces.
    private string RenderText(MarkdownDocument document) => Writers().Write(document, plainText: true).Replace('\u00A0', ' ').Trim();

    private BodyWriters Writers()
    {
        var current = writers.Value!;
        if (current.Broken)
        {
            // A render that failed part-way may have left a renderer mid-document; Markdig offers no public reset.
            writers.Value = current = new BodyWriters(pipeline);
        }

        return current;
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

    /// <summary>
    /// One thread's Markdig renderers, set up once, writing into one buffer that is emptied for each body. A new
    /// renderer and writer for every body cost more than the rendering (the renderers' setup, and a buffer grown
    /// from a few characters up to the size of the body, twice a body): about a sixth of all an ingest allocated
    /// (docs/performance.md, "What each lever bought").
    /// </summary>
    private sealed class BodyWriters
    {
        // A rare very long body leaves a large buffer; past this it is dropped rather than kept for the thread's life.
        private const int KeptCapacity = 256 * 1024;

        private readonly StringWriter output = new(new StringBuilder(16 * 1024), CultureInfo.InvariantCulture);
        private readonly HtmlRenderer html;
        private readonly HtmlRenderer text;

        public BodyWriters(MarkdownPipeline pipeline)
        {
            html = new HtmlRenderer(output);
            pipeline.Setup(html);
            text = new HtmlRenderer(output)
            {
                EnableHtmlForBlock = false,
                EnableHtmlForInline = false,
                EnableHtmlEscape = false,
            };
            pipeline.Setup(text);
        }

        /// <summary>Set when a render failed part-way (a body nested past Markdig's limit): these writers are not used again.</summary>
        public bool Broken { get; private set; }

        public string Write(MarkdownDocument document, bool plainText)
        {
            var renderer = plainText ? text : html;
            var buffer = output.GetStringBuilder();
            buffer.Clear();
            try
            {
                renderer.Render(document);
                output.Flush();
                return buffer.ToString();
            }
            catch
            {
                Broken = true;
                throw;
            }
            finally
            {
                if (buffer.Capacity > KeptCapacity)
                {
                    buffer.Clear();
                    buffer.Capacity = 16 * 1024;
                }
            }
        }
    }
}
