using Lucene.Net.Store;
using PressReleases.Core.Search;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search;

public class PositionalReadDirectoryTests
{
    /// <summary>Three buffers' worth and a bit, so reads cross refills.</summary>
    private const int FileLength = PositionalReadDirectory.ReadBufferSize * 3 + 123;

    /// <param name="name">A terms dictionary (.tim) is read with a smaller buffer than other files: reads cross more refills.</param>
    [Theory]
    [InlineData("data.bin")]
    [InlineData("_0.tim")]
    public void Input_ReadsWhatWasWritten_ByteByByte_InBulk_AndAfterSeeks(string name)
    {
        using var temp = new TempDataDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        var expected = WriteFile(directory, name);

        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        Assert.Equal(FileLength, input.Length);
        Assert.Equal(expected[0], input.ReadByte());
        Assert.Equal(expected[1], input.ReadByte());

        var bulk = new byte[PositionalReadDirectory.ReadBufferSize * 2];
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

    [Fact]
    public void Clones_ReadIndependently_AndDisposingOneLeavesTheFileOpen()
    {
        using var temp = new TempDataDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        var expected = WriteFile(directory, "data.bin");

        using var input = directory.OpenInput("data.bin", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        clone.Seek(PositionalReadDirectory.ReadBufferSize + 7);
        Assert.Equal(expected[0], input.ReadByte());
        Assert.Equal(expected[PositionalReadDirectory.ReadBufferSize + 7], clone.ReadByte());
        clone.Dispose();

        input.Seek(FileLength - 1);
        Assert.Equal(expected[FileLength - 1], input.ReadByte());
    }

    [Theory]
    [InlineData("middle")]
    [InlineData("_0.tim")]
    public void Slices_ReadTheirOwnRange_AndStopAtItsEnd(string sliceName)
    {
        using var temp = new TempDataDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
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
    [InlineData("_0.tim", PositionalReadDirectory.TermsBufferSize)]
    [InlineData("_0_Lucene41_0.tim", PositionalReadDirectory.TermsBufferSize)]
    [InlineData("_0_Lucene41_0.doc", PositionalReadDirectory.ReadBufferSize)]
    [InlineData("_0.fdt", PositionalReadDirectory.ReadBufferSize)]
    public void TermsDictionaries_GetTheSmallerBuffer(string name, int expected) =>
        Assert.Equal(expected, PositionalReadDirectory.BufferSizeFor(name));

    private static byte[] WriteFile(PositionalReadDirectory directory, string name)
    {
        var bytes = new byte[FileLength];
        new Random(42).NextBytes(bytes);
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteBytes(bytes, bytes.Length);
        return bytes;
    }
}
