using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace PressReleases.Core.Search.Storage;

/// <summary>
/// A "compression" that stores the bytes as they are, for <see cref="ReleaseCodec"/>'s stored fields: a
/// document is then read by skipping to it within its chunk and copying its bytes, nothing decoded.
/// </summary>
internal sealed class UncompressedStoredFields : CompressionMode
{
    public override Compressor NewCompressor() => new Writer();

    public override Decompressor NewDecompressor() => new Reader();

    public override string ToString() => "Uncompressed";

    private sealed class Writer : Compressor
    {
        public override void Compress(byte[] bytes, int off, int len, DataOutput output) => output.WriteBytes(bytes, off, len);
    }

    private sealed class Reader : Decompressor
    {
        /// <summary>
        /// The block of <paramref name="originalLength"/> bytes starts at the input's position; reads its
        /// bytes [offset, offset + length) and leaves the input just after them (as LZ4's reader does, which
        /// the stored fields reader relies on when a large document spans several blocks).
        /// </summary>
        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            if (offset < 0 || length < 0 || offset + length > originalLength)
            {
                throw new CorruptIndexException($"stored fields block of {originalLength} bytes has no range [{offset}, {offset + length}) (input {input})");
            }

            if (input is IndexInput indexed)
            {
                indexed.Seek(indexed.Position + offset);
            }
            else
            {
                input.SkipBytes(offset);
            }

            if (bytes.Bytes.Length < length)
            {
                bytes.Bytes = new byte[ArrayUtil.Oversize(length, 1)];
            }

            input.ReadBytes(bytes.Bytes, 0, length);
            bytes.Offset = 0;
            bytes.Length = length;
        }

        public override object Clone() => new Reader();
    }
}
