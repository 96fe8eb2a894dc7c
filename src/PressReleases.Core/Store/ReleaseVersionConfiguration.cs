using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Store;

internal sealed class ReleaseVersionConfiguration : IEntityTypeConfiguration<ReleaseVersion>
{
    public void Configure(EntityTypeBuilder<ReleaseVersion> version)
    {
        // The foreign key's index finds a release's versions; they are read in the order they were kept (by id).
        version.HasOne<Release>().WithMany().HasForeignKey(v => v.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
