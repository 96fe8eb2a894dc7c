using System.Collections.Concurrent;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace PressReleases.Core.Search.Storage;

/// <summary>
/// The index folder as searches read it. The terms dictionary and the postings' documents and positions,
/// which every search reads, are held in memory whole (<see cref="InMemoryIndexInput"/>) when a file is at
/// most <see cref="MaxInMemoryFileBytes"/>. Under load, reading them through buffers cost a system call per
/// refill and a new buffer per term lookup and postings list, which showed up as a sizeable share of both
/// the search page's CPU and what it allocated. Everything else (the stored fields, read a few documents at
/// a time; offsets; larger files; the parts of compound files) is read with plain positional reads: one
/// <c>pread</c> per buffer refill, no lock, no seek. Lucene.Net's <see cref="NIOFSDirectory"/> reads through
/// a shared <see cref="FileStream"/>: each refill takes a lock, sets the stream's position and has the
/// runtime check the file's length (an extra <c>fstat</c>), which under load was a sizeable share of the
/// search page's CPU. Memory maps are not used because Lucene.Net reads stored fields from them byte by
/// byte (slower still). New files are written by <see cref="IndexFileOutput"/>, and forced to disk when a commit
/// names them rather than each as it closes. The figures behind these choices are in docs/performance.md, "Design
/// decisions and their measurements".
/// </summary>
internal sealed class IndexFilesDirectory(string path) : FSDirectory(new DirectoryInfo(path), lockFactory: null)
{
    /// <summary>
    /// Bytes read per refill: four times Lucene's default, because a system call costs about as much as
    /// copying a few kilobytes, and postings and term blocks are often read a little at a time.
    /// </summary>
    internal const int ReadBufferSize = 4096;

    /// <summary>
    /// Bytes read per refill of the terms dictionary (.tim). Every term lookup clones that file's input and
    /// the clone allocates its own buffer; a lookup reads one block header and then the block itself (straight
    /// into the block's own arrays when larger than the buffer), so a large buffer there was mostly garbage,
    /// and under load that garbage was a sizeable share of all the search page allocated (docs/performance.md,
    /// "Design decisions and their measurements").
    /// </summary>
    internal const int TermsBufferSize = 1024;

    /// <summary>
    /// Larger postings files (a corpus many times the real one) are read from the file instead, so memory
    /// does not grow with the corpus without bound.
    /// </summary>
    internal const long MaxInMemoryFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The most all files held in memory together may take; files opened beyond it are read from the file. The real
    /// corpus holds about 53 MB. At a million synthetic releases, segments whose files each stayed just under
    /// <see cref="MaxInMemoryFileBytes"/> held about 700 MB, which the site's 200 MB starting heap could not open
    /// (docs/performance.md, "A million releases").
    /// </summary>
    internal const long MaxHeldBytes = 96L * 1024 * 1024;

    private readonly long maxHeldBytes = MaxHeldBytes;
    private long heldBytes;

    /// <summary>Files written and closed since a commit last forced them to disk.</summary>
    private readonly ConcurrentDictionary<string, byte> unsynced = new(StringComparer.Ordinal);

    /// <param name="maxHeldBytes">The budget for files held in memory; tests give a smaller one.</param>
    internal IndexFilesDirectory(string path, long maxHeldBytes)
        : this(path)
    {
        this.maxHeldBytes = maxHeldBytes;
    }

    /// <summary>Bytes of index files held in memory now.</summary>
    internal long HeldBytes => Interlocked.Read(ref heldBytes);

    /// <summary>The terms dictionary and the postings' documents and positions: what every search reads.</summary>
    internal static bool IsHeldInMemory(string fileName) =>
        fileName.EndsWith(".tim", StringComparison.Ordinal) || fileName.EndsWith(".doc", StringComparison.Ordinal) || fileName.EndsWith(".pos", StringComparison.Ordinal);

    internal static int BufferSizeFor(string fileName) =>
        fileName.EndsWith(".tim", StringComparison.Ordinal) ? TermsBufferSize : ReadBufferSize;

    /// <summary>What the next commit's <see cref="Sync"/> may still have to force to disk.</summary>
    internal IEnumerable<string> UnsyncedFiles => unsynced.Keys;

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        EnsureOpen();
        EnsureCanWrite(name);
        return new IndexFileOutput(Path.Combine(Directory.FullName, name), name, closed => unsynced[closed] = 0);
    }

    /// <summary>
    /// Forces to disk the files a commit is about to name, as Lucene's own Java directory does: Lucene.Net forces
    /// every file to disk as it closes instead, which made a segment flushed or merged during an ingest and replaced
    /// before its end wait for the disk for nothing.
    /// </summary>
    public override void Sync(ICollection<string> names)
    {
        EnsureOpen();
        foreach (var name in names)
        {
            if (unsynced.TryRemove(name, out _))
            {
                using var file = new FileStream(Path.Combine(Directory.FullName, name), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
                file.Flush(flushToDisk: true);
            }
        }
    }

    public override void DeleteFile(string name)
    {
        base.DeleteFile(name);
        unsynced.TryRemove(name, out _);
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = OpenHandle(name);
        try
        {
            var fileLength = RandomAccess.GetLength(file.Handle);
            // A merge reads each file once, start to end: no reason to hold it.
            if (IsHeldInMemory(name) && fileLength <= MaxInMemoryFileBytes && context.Context != IOContext.UsageContext.MERGE && TryHold(fileLength))
            {
                try
                {
                    using (file.Handle)
                    {
                        return new InMemoryIndexInput(file.Description, ReadWhole(file.Handle, file.Description, (int)fileLength), () => Release(fileLength));
                    }
                }
                catch
                {
                    Release(fileLength);
                    throw;
                }
            }

            return new Input(file.Description, file.Handle, 0, fileLength, ownsHandle: true, BufferSizeFor(name));
        }
        catch
        {
            file.Handle.Dispose();
            throw;
        }
    }

    /// <summary>Counts <paramref name="length"/> bytes as held if the budget has room for them.</summary>
    private bool TryHold(long length)
    {
        while (true)
        {
            var held = Interlocked.Read(ref heldBytes);
            if (held + length > maxHeldBytes)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref heldBytes, held + length, held) == held)
            {
                return true;
            }
        }
    }

    private void Release(long length) => Interlocked.Add(ref heldBytes, -length);

    /// <summary>Slices of one file (the parts of a compound file) share its handle; the slicer closes it.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = OpenHandle(name);
        return new Slicer(file.Description, file.Handle);
    }

    private static byte[] ReadWhole(SafeFileHandle handle, string description, int length)
    {
        var data = GC.AllocateUninitializedArray<byte>(length);
        for (var at = 0; at < data.Length;)
        {
            var read = RandomAccess.Read(handle, data.AsSpan(at), at);
            if (read <= 0)
            {
                throw new EndOfStreamException($"{description} ended at {at} of {data.Length} bytes");
            }

            at += read;
        }

        return data;
    }

    private (SafeFileHandle Handle, string Description) OpenHandle(string name)
    {
        var path = Path.Combine(Directory.FullName, name);
        // Delete sharing: Lucene deletes files that readers may still have open (merged-away segments).
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return (handle, $"{nameof(IndexFilesDirectory)}(path=\"{path}\")");
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
