using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PressReleases.Core.Store;

namespace PressReleases.Web.Caching;

/// <summary>
/// HTTP caching: validators (<see cref="ServedVersion"/>, <see cref="Validators"/>) on release pages, the release
/// API, feeds, sitemaps and citations; a short <c>Cache-Control</c> on listings and searches; and the output cache for
/// the documents that are the same for every visitor until the store changes (feeds, sitemaps, robots.txt,
/// OpenSearch), emptied of everything store-derived when this node's follower sees a change.
/// </summary>
public static class HttpCaching
{
    /// <summary>Output-cache policy for responses that change only with the store.</summary>
    public const string StorePolicy = "store";

    /// <summary>The tag on every cached response made from the store, evicted when it changes.</summary>
    public const string StoreTag = "store";

    /// <summary>Listings and searches: reusable for a short while, not revalidated (each is a fresh search).</summary>
    public const string ListingCacheControl = "public, max-age=60";

    public static IHostApplicationBuilder AddPressReleaseCaching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServedVersion>();
        builder.Services.AddOutputCache(options =>
        {
            // Feeds vary by their query, so a crawler asking for many could fill the cache: bound it well inside
            // the serving memory budget. Entries stay until the store changes or room is needed.
            options.SizeLimit = 32 * 1024 * 1024;
            options.AddPolicy(StorePolicy, policy => policy.Expire(TimeSpan.FromHours(1)).Tag(StoreTag));
        });

        // Whatever makes the catalog's lists stale (an ingest in this process, or the follower seeing another's)
        // empties the cached documents made from the store too, so a feed never outlives the change it misses. Hooked
        // up where the catalog is made, not at start: making it reaches the store's settings, whose failures the
        // start-up service reports in one line.
        builder.Services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var catalog = new ReleaseCatalog(sp.GetRequiredService<IDbContextFactory<PressReleasesDbContext>>(), sp.GetRequiredService<StoreAvailability>());
            var cache = sp.GetRequiredService<IOutputCacheStore>();
            catalog.Invalidated += () => cache.EvictStoreDerivedAsync(CancellationToken.None).AsTask().Wait();
            return catalog;
        }));
        return builder;
    }

    /// <summary>After routing (policies are endpoint metadata) and before the request queue, so a cached answer never waits.</summary>
    public static WebApplication UsePressReleaseOutputCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    /// <summary>Caches the endpoint's successful answers until the store changes.</summary>
    public static TBuilder CacheUntilStoreChanges<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(StorePolicy);

    /// <summary>Empties the output cache of everything made from the store; called when the follower sees it change.</summary>
    public static ValueTask EvictStoreDerivedAsync(this IOutputCacheStore cache, CancellationToken cancellationToken) =>
        cache.EvictByTagAsync(StoreTag, cancellationToken);
}
