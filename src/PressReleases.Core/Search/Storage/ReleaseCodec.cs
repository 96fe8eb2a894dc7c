using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace PressReleases.Core.Search.Storage;

/// <summary>
/// Lucene's 4.6 codec with the stored fields kept uncompressed (<see cref="UncompressedStoredFields"/>).
/// Every result page reads twenty releases' stored text for its snippets; with LZ4, Lucene.Net decompressed
/// each document's whole 16 KB chunk up to it, which showed up as a sizeable share of the search page's CPU
/// under load, and an ingest spent time compressing (docs/performance.md, "Design decisions and their
/// measurements"). The index grows by what LZ4 saved (the bodies), which is disk, not memory: the index is
/// read through the page cache, not held in the process.
/// </summary>
[CodecName("PressReleases46")]
internal sealed class ReleaseCodec : FilterCodec
{
    private static readonly Lock RegistrationLock = new();
    private static bool registered;

    public ReleaseCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat { get; } =
        new CompressingStoredFieldsFormat("PressReleasesStoredFields", new UncompressedStoredFields(), chunkSize: 1 << 14);

    /// <summary>
    /// Makes the codec known to Lucene by name, so segments written with it can be opened. Lucene keeps one
    /// codec factory per process; this adds ours to the default set, once.
    /// </summary>
    public static void Register()
    {
        lock (RegistrationLock)
        {
            if (!registered)
            {
                Codec.SetCodecFactory(new Factory());
                registered = true;
            }
        }
    }

    private sealed class Factory : DefaultCodecFactory
    {
        protected override void Initialize()
        {
            base.Initialize();
            PutCodecType(typeof(ReleaseCodec));
        }
    }
}
