using PressReleases.Core.Store;

namespace PressReleases.Core.Reannouncements;

/// <summary>
/// What the detector compares of one release's text: how many distinct shingles its body has and, when that is
/// enough to compare (<see cref="ReannouncementRules.MinShingles"/>), their MinHash signature. Computed by the
/// ingest's parse workers from the body they have just rendered (<see cref="PendingSignatures"/>), or by the
/// detector from the stored body; both give the same values, as both start from the same text.
/// </summary>
/// <param name="Signature">Null for a body too short to compare, or a removed release.</param>
internal sealed record TextSignature(int ShingleCount, uint[]? Signature)
{
    public static readonly TextSignature Removed = new(0, null);

    public static TextSignature Of(string body)
    {
        var (count, signature) = Shingles.Sign(body, ReannouncementRules.MinShingles);
        return new(count, signature);
    }

    public static TextSignature Of(ulong[] shingles) =>
        new(shingles.Length, shingles.Length >= ReannouncementRules.MinShingles ? MinHash.Of(shingles) : null);

    public ReleaseSignature ToRow(int releaseId, long changeSeq) => new()
    {
        ReleaseId = releaseId,
        ChangeSeq = changeSeq,
        ShingleCount = ShingleCount,
        MinHash = Signature is null ? [] : MinHash.ToBytes(Signature),
    };
}
