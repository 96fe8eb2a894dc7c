using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Store;

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> release)
    {
        release.HasIndex(r => r.Slug).IsUnique();
        // A release row holds its body twice (HTML and text), so in SQLite most of a row lives on overflow pages
        // and any column after the bodies costs a walk through them. The reads that touch every release (an
        // ingest's look at what is stored, the live count, the catalog's per-name counts and dates) are answered
        // from these covering indexes instead (docs/performance.md, "Design decisions and their measurements").
        // The first also finds a release by its file (root, path).
        release.HasIndex(r => new { r.SourceRoot, r.SourcePath, r.Slug, r.SourceUrl, r.Date, r.ContentHash, r.SourceLength, r.SourceWriteTicks, r.RemovedAt })
            .HasDatabaseName("IX_Releases_Identity");
        release.HasIndex(r => new { r.RemovedAt, r.Date });
        release.HasIndex(r => new { r.SourceUrl, r.Date });
        release.HasIndex(r => r.ChangeSeq);
        release.HasIndex(r => r.Date);
        release.Property(r => r.Slug).HasMaxLength(300);
        release.Property(r => r.ContentHash).HasMaxLength(64);
        release.HasMany(r => r.Ministers).WithOne().HasForeignKey(m => m.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        release.HasMany(r => r.Portfolios).WithOne().HasForeignKey(p => p.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinisterConfiguration : IEntityTypeConfiguration<Minister>
{
    public void Configure(EntityTypeBuilder<Minister> minister)
    {
        minister.HasIndex(m => m.Slug).IsUnique();
        minister.Property(m => m.Slug).HasMaxLength(200);
    }
}

internal sealed class PortfolioConfiguration : IEntityTypeConfiguration<Portfolio>
{
    public void Configure(EntityTypeBuilder<Portfolio> portfolio)
    {
        portfolio.HasIndex(p => p.Slug).IsUnique();
        portfolio.Property(p => p.Slug).HasMaxLength(300);
    }
}

internal sealed class ReleaseMinisterConfiguration : IEntityTypeConfiguration<ReleaseMinister>
{
    public void Configure(EntityTypeBuilder<ReleaseMinister> link)
    {
        link.HasKey(l => new { l.ReleaseId, l.MinisterId });
        link.HasIndex(l => l.MinisterId);
        link.HasOne(l => l.Minister).WithMany().HasForeignKey(l => l.MinisterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReleasePortfolioConfiguration : IEntityTypeConfiguration<ReleasePortfolio>
{
    public void Configure(EntityTypeBuilder<ReleasePortfolio> link)
    {
        link.HasKey(l => new { l.ReleaseId, l.PortfolioId });
        link.HasIndex(l => l.PortfolioId);
        link.HasOne(l => l.Portfolio).WithMany().HasForeignKey(l => l.PortfolioId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IngestRunConfiguration : IEntityTypeConfiguration<IngestRun>
{
    public void Configure(EntityTypeBuilder<IngestRun> run)
    {
        run.HasMany(r => r.Problems).WithOne().HasForeignKey(p => p.IngestRunId).OnDelete(DeleteBehavior.Cascade);
        run.Property(r => r.Status).HasMaxLength(20);
        run.HasIndex(r => r.StartedAt);
    }
}

internal sealed class IngestProblemConfiguration : IEntityTypeConfiguration<IngestProblem>
{
    public void Configure(EntityTypeBuilder<IngestProblem> problem)
    {
        problem.Property(p => p.Severity).HasMaxLength(10);
    }
}

internal sealed class StoreIdentityConfiguration : IEntityTypeConfiguration<StoreIdentity>
{
    public void Configure(EntityTypeBuilder<StoreIdentity> identity)
    {
        // One row, written by the migration that creates the table (AddStoreIdentity), never by the application.
        identity.ToTable("StoreIdentity");
        identity.Property(i => i.Id).ValueGeneratedNever();
        identity.Property(i => i.Value).HasMaxLength(32);
    }
}
