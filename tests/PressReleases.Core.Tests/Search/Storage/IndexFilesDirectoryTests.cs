using Lucene.Net.Store;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Search.Storage;

namespace PressReleases.Core.Tests.Search.Storage;

public class IndexFilesDirectoryTests
{
    /// <summary>Three buffers' worth and a bit, so reads cross refills.</summary>
    private const int FileLength = IndexFilesDirectory.ReadBufferSize * 3 + 123;

    /// <param name="name">
    /// A terms dictionary (.tim) is read with a smaller buffer than other files (reads cross more refills);
    /// postings (.doc, .pos) and terms are held in memory.
    /// </param>
    [Theory]
    [InlineData("data.bin")]
    [InlineData("_0.tim")]
    [InlineData("_0_Lucene41_0.doc")]
    public void Input_ReadsWhatWasWritten_ByteByByte_InBulk_AndAfterSeeks(string name)
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        var expected = WriteFile(directory, name);

        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        Assert.Equal(FileLength, input.Length);
        Assert.Equal(expected[0], input.ReadByte());
        Assert.Equal(expected[1], input.ReadByte());

        var bulk = new byte[IndexFilesDirectory.ReadBufferSize * 2];
        input.ReadBytes(bulk, 0, bulk.Length);
        Assert.Equal(expected.AsSpan(2, bulk.Length).ToArray(), bulk);

        input.Seek(FileLength - 10);
        Assert.Equal(expected[FileLength - 10], input.ReadByte());
        input.Seek(5);
        Assert.Equal(expected[5], input.ReadByte());

        input.Seek(FileLength - 1);
        input.ReadByte();
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Theory]
    [InlineData("data.bin")]
    [InlineData("_0_Lucene41_0.pos")]
    public void Clones_ReadIndependently_AndDisposingOneLeavesTheFileOpen(string name)
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        var expected = WriteFile(directory, name);

        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        clone.Seek(IndexFilesDirectory.ReadBufferSize + 7);
        Assert.Equal(expected[0], input.ReadByte());
        Assert.Equal(expected[IndexFilesDirectory.ReadBufferSize + 7], clone.ReadByte());
        clone.Dispose();

        input.Seek(FileLength - 1);
        Assert.Equal(expected[FileLength - 1], input.ReadByte());
    }

    [Theory]
    [InlineData("middle")]
    [InlineData("_0.tim")]
    public void Slices_ReadTheirOwnRange_AndStopAtItsEnd(string sliceName)
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        var expected = WriteFile(directory, "data.cfs");

        using var slicer = directory.CreateSlicer("data.cfs", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice(sliceName, 1000, 5000);
        Assert.Equal(5000, slice.Length);
        var read = new byte[5000];
        slice.ReadBytes(read, 0, read.Length);
        Assert.Equal(expected.AsSpan(1000, 5000).ToArray(), read);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());

        slice.Seek(10);
        Assert.Equal(expected[1010], slice.ReadByte());
    }

    [Theory]
    [InlineData("_0.tim", IndexFilesDirectory.TermsBufferSize)]
    [InlineData("_0_Lucene41_0.tim", IndexFilesDirectory.TermsBufferSize)]
    [InlineData("_0_Lucene41_0.doc", IndexFilesDirectory.ReadBufferSize)]
    [InlineData("_0.fdt", IndexFilesDirectory.ReadBufferSize)]
    public void TermsDictionaries_GetTheSmallerBuffer(string name, int expected) =>
        Assert.Equal(expected, IndexFilesDirectory.BufferSizeFor(name));

    /// <summary>Fixed and variable-length numbers read back as Lucene's own reader reads them, from memory and from the file.</summary>
    [Theory]
    [InlineData("numbers.bin")]
    [InlineData("_0_Lucene41_0.doc")]
    public void Numbers_ReadBackAsWritten(string name)
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        int[] ints = [0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1, int.MinValue];
        long[] longs = [0, 1, 127, 128, long.MaxValue, 1L << 40, -1, long.MinValue];
        using (var output = directory.CreateOutput(name, IOContext.DEFAULT))
        {
            foreach (var value in ints)
            {
                output.WriteVInt32(value);
                output.WriteInt32(value);
                output.WriteInt16((short)value);
            }

            foreach (var value in longs.Where(v => v >= 0))
            {
                output.WriteVInt64(value);
            }

            foreach (var value in longs)
            {
                output.WriteInt64(value);
            }
        }

        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        foreach (var value in ints)
        {
            Assert.Equal(value, input.ReadVInt32());
            Assert.Equal(value, input.ReadInt32());
            Assert.Equal((short)value, input.ReadInt16());
        }

        foreach (var value in longs.Where(v => v >= 0))
        {
            Assert.Equal(value, input.ReadVInt64());
        }

        foreach (var value in longs)
        {
            Assert.Equal(value, input.ReadInt64());
        }

        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
    }

    [Fact]
    public void OnlyPostingsAndTerms_AreHeldInMemory()
    {
        Assert.True(IndexFilesDirectory.IsHeldInMemory("_0_Lucene41_0.tim"));
        Assert.True(IndexFilesDirectory.IsHeldInMemory("_0_Lucene41_0.doc"));
        Assert.True(IndexFilesDirectory.IsHeldInMemory("_0_Lucene41_0.pos"));
        Assert.False(IndexFilesDirectory.IsHeldInMemory("_0_Lucene41_0.pay"));
        Assert.False(IndexFilesDirectory.IsHeldInMemory("_0.fdt"));
        Assert.False(IndexFilesDirectory.IsHeldInMemory("segments_1"));
    }

    [Fact]
    public void PostingsAreReadFromMemory_ExceptByAMerge()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path);
        WriteFile(directory, "_0_Lucene41_0.doc");
        WriteFile(directory, "_0.fdt");

        using var searched = directory.OpenInput("_0_Lucene41_0.doc", IOContext.READ);
        using var merged = directory.OpenInput("_0_Lucene41_0.doc", new IOContext(new MergeInfo(10, FileLength, false, 1)));
        using var stored = directory.OpenInput("_0.fdt", IOContext.READ);
        Assert.IsType<InMemoryIndexInput>(searched);
        Assert.IsNotType<InMemoryIndexInput>(merged);
        Assert.IsNotType<InMemoryIndexInput>(stored);
    }

    [Fact]
    public void FilesBeyondTheBudget_AreReadFromTheFile_AndClosingAHeldFileMakesRoom()
    {
        using var temp = new TempDirectory();
        using var directory = new IndexFilesDirectory(temp.Path, maxHeldBytes: FileLength * 2);
        var names = new[] { "_0_Lucene41_0.doc", "_0_Lucene41_0.pos", "_0_Lucene41_0.tim" };
        var expected = names.Select(name => WriteFile(directory, name)).ToList();

        var first = directory.OpenInput(names[0], IOContext.READ);
        using var second = directory.OpenInput(names[1], IOContext.READ);
        using (var third = directory.OpenInput(names[2], IOContext.READ))
        {
            Assert.IsType<InMemoryIndexInput>(first);
            Assert.IsType<InMemoryIndexInput>(second);
            Assert.IsNotType<InMemoryIndexInput>(third);
            Assert.Equal(FileLength * 2, directory.HeldBytes);

            // Read from the file or from memory, the bytes are the same.
            third.Seek(FileLength - 1);
            Assert.Equal(expected[2][FileLength - 1], third.ReadByte());
        }

        // A clone shares its file's array: closing it frees nothing.
        var clone = (IndexInput)first.Clone();
        clone.Dispose();
        Assert.Equal(FileLength * 2, directory.HeldBytes);

        first.Dispose();
        first.Dispose();
        Assert.Equal(FileLength, directory.HeldBytes);
        using var again = directory.OpenInput(names[2], IOContext.READ);
        Assert.IsType<InMemoryIndexInput>(again);
        Assert.Equal(FileLength * 2, directory.HeldBytes);
    }

    private static byte[] WriteFile(IndexFilesDirectory directory, string name)
    {
        var bytes = new byte[FileLength];
        new Random(42).NextBytes(bytes);
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteBytes(bytes, bytes.Length);
        return bytes;
    }

    [Fact]
    public async Task TheFilesLuceneWrites_IncludeTheTermsAndPostingsHeldInMemory()
    {
        // The in-memory rule goes by file name: if an upgrade renamed the terms or postings files, searches would
        // quietly fall back to buffered reads. A merged segment (what an ingest leaves) is not a compound file.
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "index");
        using (var index = new SearchIndex(path, new ReleaseAnalyzer()))
        using (var session = await index.BeginWriteAsync())
        {
            for (var i = 0; i < 40; i++)
            {
                session.Upsert(new IndexedRelease(i + 1, $"r{i}", $"Harbour report {i}", null, $"https://example.org/{i}", $"The harbour report number {i} is here.", ["jane-doe"], ["transport"]));
                if (i % 20 == 19)
                {
                    session.Commit(i);
                }
            }

            Assert.True(session.MergeIfSplit());
            session.Commit(40);
        }

        var held = System.IO.Directory.GetFiles(path).Select(Path.GetFileName).Where(name => IndexFilesDirectory.IsHeldInMemory(name!)).ToList();
        Assert.Contains(held, name => name!.EndsWith(".tim", StringComparison.Ordinal));
        Assert.Contains(held, name => name!.EndsWith(".doc", StringComparison.Ordinal));
        Assert.Contains(held, name => name!.EndsWith(".pos", StringComparison.Ordinal));
    }
}
