using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Search.Storage;

namespace PressReleases.Core.Tests.Search.Storage;

public class IndexFileOutputTests
{
    /// <summary>Single bytes, small runs, a run larger than the buffer and runs that cross its end.</summary>
    private static void WriteMixed(IndexOutput output, byte[] data)
    {
        var at = 0;
        output.WriteByte(data[at++]);
        output.WriteBytes(data, at, 100);
        at += 100;
        output.WriteBytes(data, at, IndexFileOutput.BufferSize + 17);
        at += IndexFileOutput.BufferSize + 17;
        while (at < data.Length)
        {
            var run = Math.Min(data.Length - at, 4093);
            if (run % 3 == 0)
            {
                output.WriteByte(data[at]);
                run = 1;
            }
            else
            {
                output.WriteBytes(data, at, run);
            }

            at += run;
        }
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void WhatIsWritten_ReadsBack_AtThePositionsReported()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        var data = RandomBytes(IndexFileOutput.BufferSize * 3 + 501);

        using (var output = directory.CreateOutput("data.bin", IOContext.DEFAULT))
        {
            Assert.IsType<IndexFileOutput>(output);
            Assert.Equal(0, output.Position);
            WriteMixed(output, data);
            Assert.Equal(data.Length, output.Position);
            Assert.Equal(data.Length, output.Length);
        }

        Assert.Equal(data, File.ReadAllBytes(Path.Combine(temp.Path, "data.bin")));
    }

    [Fact]
    public void Checksum_IsTheCrc32_LucenesOwnInputComputes_OverTheSameBytes()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        var data = RandomBytes(IndexFileOutput.BufferSize * 2 + 12_345);

        long written;
        long ramWritten;
        using (var output = directory.CreateOutput("data.bin", IOContext.DEFAULT))
        using (var ram = new RAMDirectory())
        using (var ramOutput = ram.CreateOutput("data.bin", IOContext.DEFAULT))
        {
            WriteMixed(output, data);
            WriteMixed(ramOutput, data);
            written = output.Checksum;
            ramWritten = ramOutput.Checksum;
        }

        using var input = new BufferedChecksumIndexInput(directory.OpenInput("data.bin", IOContext.READ_ONCE));
        var read = new byte[data.Length];
        input.ReadBytes(read, 0, read.Length);
        Assert.Equal(input.Checksum, written);
        Assert.Equal(ramWritten, written);
        Assert.NotEqual(0, written);
    }

    [Fact]
    public void Checksum_MidFile_CoversWhatIsStillBuffered()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        using var ram = new RAMDirectory();
        var data = RandomBytes(1000);
        using var output = directory.CreateOutput("data.bin", IOContext.DEFAULT);
        using var ramOutput = ram.CreateOutput("data.bin", IOContext.DEFAULT);

        output.WriteBytes(data, 0, 10);
        ramOutput.WriteBytes(data, 0, 10);
        Assert.Equal(ramOutput.Checksum, output.Checksum);

        output.WriteBytes(data, 10, 990);
        ramOutput.WriteBytes(data, 10, 990);
        Assert.Equal(ramOutput.Checksum, output.Checksum);
        Assert.Equal(1000, output.Position);
    }

    [Fact]
    public void AFileWithLucenesFooter_PassesLucenesChecksumCheck()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        var data = RandomBytes(IndexFileOutput.BufferSize * 2 + 3);
        using (var output = directory.CreateOutput("footed.bin", IOContext.DEFAULT))
        {
            CodecUtil.WriteHeader(output, "test", 1);
            WriteMixed(output, data);
            CodecUtil.WriteFooter(output);
        }

        using var input = directory.OpenInput("footed.bin", IOContext.READ_ONCE);
        Assert.NotEqual(0, CodecUtil.ChecksumEntireFile(input));

        // One byte changed in the middle must be caught: the check above is not vacuous.
        var path = Path.Combine(temp.Path, "footed.bin");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        using var damaged = directory.OpenInput("footed.bin", IOContext.READ_ONCE);
        var failure = Assert.ThrowsAny<IOException>(() => CodecUtil.ChecksumEntireFile(damaged));
        Assert.Contains("checksum failed", failure.Message);
    }

    [Fact]
    public void WritingAnExistingName_ReplacesTheFile()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        using (var output = directory.CreateOutput("segments.gen", IOContext.DEFAULT))
        {
            output.WriteBytes(RandomBytes(5000), 5000);
        }

        using (var output = directory.CreateOutput("segments.gen", IOContext.DEFAULT))
        {
            output.WriteInt64(42);
        }

        Assert.Equal(8, directory.FileLength("segments.gen"));
        using var input = directory.OpenInput("segments.gen", IOContext.READ_ONCE);
        Assert.Equal(42, input.ReadInt64());
    }

    [Fact]
    public void ClosedFiles_WaitForTheCommitThatNamesThem_AndDeletedOnesAreForgotten()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        foreach (var name in new[] { "_0.si", "_0.fdt", "_1.si" })
        {
            using var output = directory.CreateOutput(name, IOContext.DEFAULT);
            output.WriteInt32(1);
        }

        using (var open = directory.CreateOutput("_2.si", IOContext.DEFAULT))
        {
            open.WriteInt32(2);
            Assert.Equal(["_0.fdt", "_0.si", "_1.si"], directory.UnsyncedFiles.Order(StringComparer.Ordinal));
        }

        directory.Sync(["_0.si", "_0.fdt", "never-written"]);
        Assert.Equal(["_1.si", "_2.si"], directory.UnsyncedFiles.Order(StringComparer.Ordinal));

        directory.DeleteFile("_1.si");
        Assert.Equal(["_2.si"], directory.UnsyncedFiles);
        Assert.False(File.Exists(Path.Combine(temp.Path, "_1.si")));
    }

    /// <summary>
    /// Files are forced to disk only through <see cref="IndexFilesDirectory.Sync"/>, so a commit is durable only if
    /// Lucene.Net names every file of the commit there (its own directory forces each file as it closes instead).
    /// </summary>
    [Fact]
    public void ACommit_ForcesEveryFileItNames_ToDisk()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ReleaseAnalyzer.Version, new ReleaseAnalyzer()) { UseCompoundFile = false });
        for (var i = 0; i < 20; i++)
        {
            var document = new Lucene.Net.Documents.Document { new Lucene.Net.Documents.TextField("body", $"harbour report {i}", Lucene.Net.Documents.Field.Store.YES) };
            writer.AddDocument(document);
        }

        writer.Flush(triggerMerge: false, applyAllDeletes: true);
        Assert.Contains(directory.UnsyncedFiles, name => name.EndsWith(".fdt", StringComparison.Ordinal));

        writer.Commit();
        var committed = DirectoryReader.ListCommits(directory)[^1].FileNames;
        Assert.Contains(committed, name => name.EndsWith(".fdt", StringComparison.Ordinal));
        Assert.Empty(committed.Intersect(directory.UnsyncedFiles));
    }

    [Fact]
    public async Task AnIndexWrittenThroughIt_Merged_AndCommitted_PassesLucenesCheckIndex()
    {
        // Flushed segments, a merge of them (which checks every input's footer) and a commit, all through this output:
        // a wrong checksum anywhere fails the merge or the check.
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        using (var session = await index.BeginWriteAsync())
        {
            for (var i = 0; i < 90; i++)
            {
                session.Upsert(new IndexedRelease(i + 1, $"r{i}", $"Harbour report {i}", null, $"https://example.org/{i}", $"The harbour report number {i} is long enough to span a few terms.", ["jane-doe"], ["transport"]));
                if (i % 30 == 29)
                {
                    session.Commit(i);
                }
            }

            session.MergeIfSplit();
            session.Commit(90);
            Assert.Equal(90, index.DocumentCount);
        }

        using var directory = new IndexFilesDirectory(path);
        var status = new CheckIndex(directory).DoCheckIndex();
        Assert.True(status.Clean);
        Assert.Equal(1, status.NumSegments);
        Assert.Equal("90", status.UserData["changeSeq"]);
    }
}
