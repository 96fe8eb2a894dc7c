using System.Diagnostics;
using System.Text;

namespace PressReleases.CorpusGenerator;

/// <summary>The generate verb: streams releases to YYYY/MM/ folders, one at a time, so memory stays flat at any count.</summary>
public static class CorpusWriter
{
    public static int Generate(long count, string output, ulong seed, string statsPath)
    {
        var full = Path.GetFullPath(output);
        if (full.Split(Path.DirectorySeparatorChar).Contains("seeds"))
        {
            // Synthetic releases must never be mistaken for the real samples the site ships with.
            Console.Error.WriteLine($"refusing to write into {full}: synthetic releases never go into a seeds folder");
            return 2;
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            Console.Error.WriteLine($"refusing to write into {full}: it is not empty (generation never mixes with other files)");
            return 2;
        }

        var stats = CorpusStats.Load(statsPath);
        var composer = new ReleaseComposer(new SyntheticModel(stats), seed);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        for (long i = 0; i < count; i++)
        {
            var release = composer.Compose(i);
            var path = Path.Combine(full, release.RelativePath);
            var folder = Path.GetDirectoryName(path)!;
            if (folders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var data = encoding.GetBytes(release.Text);
            File.WriteAllBytes(path, data);
            bytes += data.Length;
            if ((i + 1) % 100_000 == 0)
            {
                Console.WriteLine($"  {i + 1:N0} releases, {clock.Elapsed.TotalSeconds:F1} s");
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"generated {count:N0} synthetic releases into {full} (seed {seed})");
        Console.WriteLine($"  {bytes / 1e6:F1} MB, {seconds:F1} s, {count / seconds:N0} releases/s, {bytes / 1e6 / seconds:F1} MB/s, peak working set {self.PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }
}
