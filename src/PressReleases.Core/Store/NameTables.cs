using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Releases;

namespace PressReleases.Core.Store;

/// <summary>A release's link to a name, with the name: what queries over either kind group and count.</summary>
public sealed class NameLinkRow
{
    public int ReleaseId { get; init; }

    public int NameId { get; init; }

    /// <summary>The name's position in the release's file, so names are listed in the published order.</summary>
    public int Position { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required string Spelling { get; init; }
}

/// <summary>
/// The store's two tables for one <see cref="NameKind"/> (the names, and the releases' links to them). The
/// catalog, the ingest and the display-name refresh work through this, once for both kinds; only the
/// entity types and their properties differ, and those are given here, once per kind.
/// </summary>
public abstract class NameTables
{
    private static readonly NameTables Ministers = new Tables<Minister, ReleaseMinister>(
        db => db.Ministers,
        db => db.ReleaseMinisters.Select(l => new NameLinkRow { ReleaseId = l.ReleaseId, NameId = l.MinisterId, Position = l.Position, Slug = l.Minister.Slug, Name = l.Minister.Name, Spelling = l.Spelling }),
        (slug, name) => new Minister { Slug = slug, Name = name },
        release => release.Ministers,
        (nameId, position, spelling) => new ReleaseMinister { MinisterId = nameId, Position = position, Spelling = spelling });

    private static readonly NameTables Portfolios = new Tables<Portfolio, ReleasePortfolio>(
        db => db.Portfolios,
        db => db.ReleasePortfolios.Select(l => new NameLinkRow { ReleaseId = l.ReleaseId, NameId = l.PortfolioId, Position = l.Position, Slug = l.Portfolio.Slug, Name = l.Portfolio.Name, Spelling = l.Spelling }),
        (slug, name) => new Portfolio { Slug = slug, Name = name },
        release => release.Portfolios,
        (nameId, position, spelling) => new ReleasePortfolio { PortfolioId = nameId, Position = position, Spelling = spelling });

    public static NameTables For(NameKind kind) => kind == NameKind.Minister ? Ministers : Portfolios;

    /// <summary>Every link of this kind with its name, for queries to filter, group and count.</summary>
    public abstract IQueryable<NameLinkRow> Links(PressReleasesDbContext db);

    /// <summary>Every stored name of this kind, tracked, so changed display names are saved.</summary>
    public abstract Task<List<INamedEntity>> TrackedNamesAsync(PressReleasesDbContext db, CancellationToken cancellationToken);

    public abstract Task<Dictionary<string, int>> IdsBySlugAsync(PressReleasesDbContext db, CancellationToken cancellationToken);

    /// <summary>Display names by slug, for every stored name of this kind.</summary>
    public abstract Task<Dictionary<string, string>> NamesBySlugAsync(PressReleasesDbContext db, CancellationToken cancellationToken);

    /// <summary>Inserts the names not yet stored (not in <paramref name="known"/>) inside the caller's transaction; returns their new ids by slug.</summary>
    internal abstract Task<Dictionary<string, int>> InsertNewAsync(
        PressReleasesDbContext db, IEnumerable<(string Slug, string Name)> names, IReadOnlyDictionary<string, int> known, CancellationToken cancellationToken);

    /// <summary>Edits a release's links of this kind in place: keeps those still wanted (position and spelling updated), removes the rest, adds the new.</summary>
    internal abstract void SyncLinks(Release release, IReadOnlyList<(int NameId, string Spelling)> wanted);

    /// <summary>A prepared insert of a new release's links of this kind (inside the caller's transaction).</summary>
    internal abstract ILinkInserter LinkInserter(PressReleasesDbContext db);

    internal interface ILinkInserter : IDisposable
    {
        /// <summary>Inserts the release's links of this kind; the release must already have its id.</summary>
        Task InsertAsync(Release release, CancellationToken cancellationToken);
    }

    private sealed class Tables<TName, TLink>(
        Func<PressReleasesDbContext, DbSet<TName>> names,
        Func<PressReleasesDbContext, IQueryable<NameLinkRow>> links,
        Func<string, string, TName> newName,
        Func<Release, List<TLink>> linksOf,
        Func<int, int, string, TLink> newLink) : NameTables
        where TName : class, INamedEntity
        where TLink : class, IReleaseNameLink
    {
        public override IQueryable<NameLinkRow> Links(PressReleasesDbContext db) => links(db);

        public override async Task<List<INamedEntity>> TrackedNamesAsync(PressReleasesDbContext db, CancellationToken cancellationToken) =>
            [.. await names(db).ToListAsync(cancellationToken)];

        public override Task<Dictionary<string, int>> IdsBySlugAsync(PressReleasesDbContext db, CancellationToken cancellationToken) =>
            names(db).AsNoTracking().ToDictionaryAsync(n => n.Slug, n => n.Id, StringComparer.Ordinal, cancellationToken);

        public override Task<Dictionary<string, string>> NamesBySlugAsync(PressReleasesDbContext db, CancellationToken cancellationToken) =>
            names(db).AsNoTracking().ToDictionaryAsync(n => n.Slug, n => n.Name, StringComparer.Ordinal, cancellationToken);

        internal override async Task<Dictionary<string, int>> InsertNewAsync(
            PressReleasesDbContext db, IEnumerable<(string Slug, string Name)> candidates, IReadOnlyDictionary<string, int> known, CancellationToken cancellationToken)
        {
            var created = new Dictionary<string, int>(StringComparer.Ordinal);
            RowInserter<TName>? inserter = null;
            try
            {
                foreach (var (slug, name) in candidates)
                {
                    if (known.ContainsKey(slug) || created.ContainsKey(slug))
                    {
                        continue;
                    }

                    inserter ??= new RowInserter<TName>(db);
                    var entity = newName(slug, name);
                    await inserter.InsertAsync(entity, cancellationToken);
                    created[slug] = entity.Id;
                }
            }
            finally
            {
                inserter?.Dispose();
            }

            return created;
        }

        internal override void SyncLinks(Release release, IReadOnlyList<(int NameId, string Spelling)> wanted)
        {
            var current = linksOf(release);
            var positions = new Dictionary<int, int>();
            for (var position = 0; position < wanted.Count; position++)
            {
                positions[wanted[position].NameId] = position;
            }

            current.RemoveAll(link => !positions.ContainsKey(link.NameId));
            for (var position = 0; position < wanted.Count; position++)
            {
                var (nameId, spelling) = wanted[position];
                if (current.Find(link => link.NameId == nameId) is { } kept)
                {
                    kept.Position = position;
                    kept.Spelling = spelling;
                }
                else
                {
                    current.Add(newLink(nameId, position, spelling));
                }
            }
        }

        internal override ILinkInserter LinkInserter(PressReleasesDbContext db) => new Inserter(new RowInserter<TLink>(db), linksOf);

        private sealed class Inserter(RowInserter<TLink> rows, Func<Release, List<TLink>> linksOf) : ILinkInserter
        {
            public async Task InsertAsync(Release release, CancellationToken cancellationToken)
            {
                foreach (var link in linksOf(release))
                {
                    link.ReleaseId = release.Id;
                    await rows.InsertAsync(link, cancellationToken);
                }
            }

            public void Dispose() => rows.Dispose();
        }
    }
}
