using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace PressReleases.Core.Search;

/// <summary>
/// The index folder, read with plain positional reads (one <c>pread</c> per buffer refill, no lock, no
/// seek). Lucene.Net's <see cref="NIOFSDirectory"/> reads through a shared <see cref="FileStream"/>: each
/// refill takes a lock, sets the stream's position and has the runtime check the file's length (an extra
/// <c>fstat</c>), which under load was a fifth of the search page's CPU. Memory maps are not used because
/// Lucene.Net reads stored fields from them byte by byte (slower still) and mapped pages count in the
/// process's RSS. Writing is <see cref="FSDirectory"/>'s own.
/// </summary>
internal sealed class PositionalReadDirectory(string path) : FSDirectory(new DirectoryInfo(path), lockFactory: null)
{
    /// <summary>
    /// Bytes read per refill: four times Lucene's default, because a system call costs about as much as
    /// copying a few kilobytes, and postings and term blocks are often read a little at a time.
    /// </summary>
    internal const int ReadBufferSize = 4096;

    /// <summary>
    /// Bytes read per refill of the terms dictionary (.tim). Every term lookup clones that file's input and
    /// the clone allocates its own buffer; a lookup reads one block header and then the block itself (straight
    /// into the block's own arrays when larger than the buffer), so a large buffer there was mostly garbage:
    /// a sixth of all the search page allocated under load (docs/performance.md).
    /// </summary>
    internal const int TermsBufferSize = 1024;

    internal static int BufferSizeFor(string fileName) =>
        fileName.EndsWith(".tim", StringComparison.Ordinal) ? TermsBufferSize : ReadBufferSize;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = OpenHandle(name);
        try
        {
            return new Input(file.Description, file.Handle, 0, RandomAccess.GetLength(file.Handle), ownsHandle: true, BufferSizeFor(name));
        }
        catch
        {
            file.Handle.Dispose();
            throw;
        }
    }

    /// <summary>Slices of one file (the parts of a compound file) share its handle; the slicer closes it.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = OpenHandle(name);
        return new Slicer(file.Description, file.Handle);
    }

    private (SafeFileHandle Handle, string Description) OpenHandle(string name)
    {
        var path = Path.Combine(Directory.FullName, name);
        // Delete sharing: Lucene deletes files that readers may still have open (merged-away segments).
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return (handle, $"{nameof(PositionalReadDirectory)}(path=\"{path}\")");
    }

    private sealed class Slicer(string description, SafeFileHandle handle) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new Input($"{description} [slice={sliceDescription}]", handle, offset, length, ownsHandle: false, BufferSizeFor(sliceDescription));

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() =>
            OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>
    /// A file or a slice of one. Clones (one per searching thread, made by Lucene) share the handle and
    /// never close it; positional reads need no coordination between them.
    /// </summary>
    private sealed class Input(string description, SafeFileHandle handle, long sliceStart, long length, bool ownsHandle, int bufferSize)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool isClone;

        public override long Length => length;

        public override object Clone()
        {
            var clone = (Input)base.Clone();
            clone.isClone = true;
            return clone;
        }

        /// <summary>Reads at the current position (where the buffer will start, or a large read goes straight to the caller).</summary>
        protected override void ReadInternal(byte[] b, int offset, int count)
        {
            var position = Position;
            if (position + count > length)
            {
                throw new EndOfStreamException($"read past EOF: {this} (position {position}, {count} bytes, length {length})");
            }

            var target = b.AsSpan(offset, count);
            var at = sliceStart + position;
            while (!target.IsEmpty)
            {
                var read = RandomAccess.Read(handle, target, at);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this} (file ended at {at})");
                }

                target = target[read..];
                at += read;
            }
        }

        /// <summary>Nothing to do: every read says where it reads.</summary>
        protected override void SeekInternal(long pos)
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsHandle && !isClone)
            {
                handle.Dispose();
            }
        }
    }
}
