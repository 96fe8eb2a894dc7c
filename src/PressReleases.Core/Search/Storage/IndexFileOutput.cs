using System.IO.Hashing;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace PressReleases.Core.Search.Storage;

/// <summary>
/// A new index file as <see cref="IndexFilesDirectory"/> writes it: bytes gather in a buffer and go to the file with
/// positional writes, and the running checksum Lucene records in every file's footer is the same CRC-32 computed by
/// <see cref="Crc32"/>, which uses the processor's carry-less multiply. Lucene.Net's own output computes it a byte
/// table at a time in managed code, which was about a quarter of the single thread that flushes and merges segments
/// at the end of a cold ingest (docs/performance.md, "The floor of a cold ingest"). Closing the file does not force
/// it to disk: the directory does that for the files a commit names (<see cref="IndexFilesDirectory.Sync"/>), so
/// segments flushed and merged away before any commit never wait for the disk.
/// </summary>
internal sealed class IndexFileOutput : IndexOutput
{
    /// <summary>Bytes gathered per write: large enough that a system call is rare beside the copying.</summary>
    internal const int BufferSize = 64 * 1024;

    private readonly string name;
    private readonly SafeFileHandle handle;
    private readonly Action<string> closed;
    private readonly Crc32 crc = new();
    private readonly byte[] buffer = new byte[BufferSize];
    private int buffered;
    private long written;
    private bool disposed;

    /// <param name="closed">Told the file's name once all its bytes are written and the file closed.</param>
    public IndexFileOutput(string path, string name, Action<string> closed)
    {
        this.name = name;
        this.closed = closed;
        handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    public override void WriteByte(byte b)
    {
        if (buffered == buffer.Length)
        {
            WriteBuffer();
        }

        buffer[buffered++] = b;
    }

    public override void WriteBytes(byte[] b, int offset, int length)
    {
        var bytes = b.AsSpan(offset, length);
        if (bytes.Length <= buffer.Length - buffered)
        {
            bytes.CopyTo(buffer.AsSpan(buffered));
            buffered += bytes.Length;
            return;
        }

        // Too large for what is left of the buffer: what is buffered goes first, then these bytes straight to the file
        // when they would fill a buffer of their own.
        WriteBuffer();
        if (bytes.Length < buffer.Length)
        {
            bytes.CopyTo(buffer);
            buffered = bytes.Length;
            return;
        }

        WriteThrough(bytes);
    }

    public override void Flush() => WriteBuffer();

    public override long Position => written + buffered;

    /// <summary>The CRC-32 of every byte written so far, as Lucene's footers record it.</summary>
    public override long Checksum
    {
        get
        {
            WriteBuffer();
            return crc.GetCurrentHashAsUInt32();
        }
    }

    public override long Length
    {
        get => written + buffered;
        set
        {
            // Lucene.Net only calls this to hint at a size; nothing needs preallocating.
        }
    }

    [Obsolete("(4.1) this method will be removed in Lucene 5.0")]
    public override void Seek(long pos) =>
        throw new NotSupportedException($"{name}: index files are written from start to end");

    protected override void Dispose(bool disposing)
    {
        if (!disposing || disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            WriteBuffer();
        }
        finally
        {
            handle.Dispose();
        }

        closed(name);
    }

    private void WriteBuffer()
    {
        if (buffered == 0)
        {
            return;
        }

        WriteThrough(buffer.AsSpan(0, buffered));
        buffered = 0;
    }

    private void WriteThrough(ReadOnlySpan<byte> bytes)
    {
        crc.Append(bytes);
        RandomAccess.Write(handle, bytes, written);
        written += bytes.Length;
    }

    public override string ToString() => $"{nameof(IndexFileOutput)}({name})";
}
