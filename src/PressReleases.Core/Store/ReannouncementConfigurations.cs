using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Store;

internal sealed class ReleaseSignatureConfiguration : IEntityTypeConfiguration<ReleaseSignature>
{
    public void Configure(EntityTypeBuilder<ReleaseSignature> signature)
    {
        signature.HasKey(s => s.ReleaseId);
        signature.Property(s => s.ReleaseId).ValueGeneratedNever();
        // The detector asks for the highest sequence it has seen at every ingest: one step down this index.
        signature.HasIndex(s => s.ChangeSeq);
        signature.HasOne<Release>().WithOne().HasForeignKey<ReleaseSignature>(s => s.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReannouncementConfiguration : IEntityTypeConfiguration<Reannouncement>
{
    public void Configure(EntityTypeBuilder<Reannouncement> pair)
    {
        pair.HasKey(p => new { p.ReleaseId, p.OtherId });
        // When a release changes, the rows that point at it go as well as its own.
        pair.HasIndex(p => p.OtherId);
        pair.HasOne<Release>().WithMany().HasForeignKey(p => p.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        pair.HasOne<Release>().WithMany().HasForeignKey(p => p.OtherId).OnDelete(DeleteBehavior.Cascade);
    }
}
