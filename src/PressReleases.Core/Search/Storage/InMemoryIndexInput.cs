using System.Buffers.Binary;
using Lucene.Net.Store;

namespace PressReleases.Core.Search.Storage;

/// <summary>
/// An index file read from an array holding all of it. Reading a byte is an array read: no refill, no
/// system call, no copy into a buffer, and a clone (one per term lookup and per postings list) allocates
/// nothing but itself. Clones share the array; nothing is ever written to it.
/// </summary>
/// <param name="released">Told once when the input itself (not a clone) is disposed: the array is no longer held.</param>
internal sealed class InMemoryIndexInput(string description, byte[] data, Action? released = null) : IndexInput(description)
{
    private int position;
    private bool isClone;
    private Action? released = released;

    public override long Length => data.Length;

    public override long Position => position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > data.Length)
        {
            throw new EndOfStreamException($"seek past EOF: {this} (position {pos}, length {data.Length})");
        }

        position = (int)pos;
    }

    public override byte ReadByte()
    {
        if ((uint)position >= (uint)data.Length)
        {
            throw PastEnd(1);
        }

        return data[position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (len > data.Length - position)
        {
            throw PastEnd(len);
        }

        data.AsSpan(position, len).CopyTo(b.AsSpan(offset, len));
        position += len;
    }

    /// <summary>Big-endian, as Lucene writes fixed-width numbers.</summary>
    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    /// <summary>Lucene's variable-length int: seven bits a byte, low bits first, at most five bytes.</summary>
    public override int ReadVInt32()
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new IOException($"invalid vInt (too many bytes) in {this} before position {position}");
    }

    public override long ReadVInt64()
    {
        var value = 0L;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var b = ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new IOException($"invalid vLong (too many bytes) in {this} before position {position}");
    }

    public override object Clone()
    {
        var clone = (InMemoryIndexInput)MemberwiseClone();
        clone.isClone = true;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !isClone)
        {
            Interlocked.Exchange(ref released, null)?.Invoke();
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > data.Length - position)
        {
            throw PastEnd(count);
        }

        var span = data.AsSpan(position, count);
        position += count;
        return span;
    }

    private EndOfStreamException PastEnd(int count) =>
        new($"read past EOF: {this} (position {position}, {count} bytes, length {data.Length})");
}
