using System.Collections.Concurrent;
using System.Text;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Tests.Releases;

internal enum SlugSource
{
    Minister,
    Portfolio,
    Title,
    UrlSegment,
}

/// <summary>One text a slug is made from, the slug production makes of it, and the file it came from.</summary>
internal sealed record SlugInput(SlugSource Source, string Text, string Slug, string File);

/// <summary>
/// Every text in a folder of release files that a slug is made from, read the way ingestion reads it:
/// each file goes through <see cref="ReleaseFileParser"/> (files it rejects make no slugs), and every
/// <c>ministers</c> and <c>portfolios</c> entry through <see cref="MinisterNames"/> and <see cref="PortfolioNames"/>.
/// Entries are taken from the front matter rather than from the parsed release, because the parser keeps
/// one entry per slug: an entry whose slug changed to equal another's would otherwise never be seen.
/// </summary>
internal sealed class CorpusSlugInputs
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public required IReadOnlyList<SlugInput> Inputs { get; init; }

    public required int FilesRead { get; init; }

    public required int FilesRejected { get; init; }

    public int CountOf(SlugSource source) => Inputs.Count(i => i.Source == source);

    /// <summary>Reads the files in parallel (parsing renders every body, the slow part).</summary>
    public static CorpusSlugInputs Read(string folder)
    {
        var files = ReleaseFiles.Enumerate(folder);
        var parser = new ReleaseFileParser(new MarkdownRenderer());
        var inputs = new ConcurrentBag<SlugInput>();
        var rejected = 0;
        Parallel.ForEach(files, file =>
        {
            var bytes = File.ReadAllBytes(file.FullPath);
            ParsedRelease release;
            try
            {
                release = parser.Parse(bytes);
            }
            catch (ReleaseFileException)
            {
                Interlocked.Increment(ref rejected);
                return;
            }

            foreach (var input in InputsOf(file.RelativePath, bytes, release))
            {
                inputs.Add(input);
            }
        });

        return new CorpusSlugInputs { Inputs = [.. inputs], FilesRead = files.Count, FilesRejected = rejected };
    }

    private static IEnumerable<SlugInput> InputsOf(string file, byte[] bytes, ParsedRelease release)
    {
        yield return new SlugInput(SlugSource.Title, release.Title, Slugs.From(release.Title), file);

        // The release slug's source: the url's last segment, unescaped and lower-cased, as the parser takes it.
        var segments = new Uri(release.Url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segment = segments.Length > 0 ? Uri.UnescapeDataString(segments[^1]).ToLowerInvariant() : "";
        yield return new SlugInput(SlugSource.UrlSegment, segment, Slugs.From(segment), file);

        var fields = FrontMatterFields.Read(FrontMatter.Split(Text(bytes)).Yaml);
        foreach (var entry in ListEntries(fields, "ministers"))
        {
            var minister = MinisterNames.Normalize(entry);
            if (minister.IsPerson)
            {
                yield return new SlugInput(SlugSource.Minister, minister.Name, minister.Slug, file);
            }
        }

        foreach (var entry in ListEntries(fields, "portfolios"))
        {
            var portfolio = PortfolioNames.Normalize(entry);
            if (portfolio.IsPortfolio)
            {
                yield return new SlugInput(SlugSource.Portfolio, portfolio.Name, portfolio.Slug, file);
            }
        }
    }

    /// <summary>The file's text as the parser decodes it: without a byte-order mark, with LF line ends.</summary>
    private static string Text(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var text = Encoding.UTF8.GetString(span.StartsWith(Utf8Bom) ? span[Utf8Bom.Length..] : span);
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }

    /// <summary>A list's entries, or a single value where a list was expected; blank entries are skipped, as the parser skips them.</summary>
    private static IEnumerable<string> ListEntries(Dictionary<string, FrontMatterValue> fields, string key)
    {
        if (!fields.TryGetValue(key, out var value))
        {
            return [];
        }

        IEnumerable<string> entries = value.Kind == FrontMatterKind.Scalar ? [value.Scalar] : value.Entries.Select(e => e.Text ?? "");
        return entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim());
    }
}
