namespace PressReleases.Web.Caching;

/// <summary>
/// Caching headers belong to the answer they describe: set while a handler runs, they are taken off again if the
/// response turns out to be an error or a 503 "starting", which no cache should keep.
/// </summary>
public static class CacheHeaders
{
    /// <summary>A listing or search: a short <c>Cache-Control</c>, no validators.</summary>
    public static void ShortLived(HttpContext context)
    {
        context.Response.Headers.CacheControl = HttpCaching.ListingCacheControl;
        DropOnError(context);
    }

    /// <summary>Writes <paramref name="validators"/> (when known) and says whether the client's copy is current: answer 304.</summary>
    public static bool IsNotModified(HttpContext context, Validators? validators)
    {
        if (validators is null)
        {
            return false;
        }

        DropOnError(context);
        return validators.Answer(context);
    }

    private static void DropOnError(HttpContext context) =>
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode >= 400)
            {
                response.Headers.Remove("ETag");
                response.Headers.Remove("Last-Modified");
                response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context.Response);

    /// <summary>
    /// Endpoint filter for documents made from the whole store (feeds, sitemaps): validators from the store's
    /// version, and 304 before the handler runs when the client's copy is current.
    /// </summary>
    public static TBuilder WithStoreValidators<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(static async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var validators = context.RequestServices.GetRequiredService<ServedVersion>().OfStore();
            return IsNotModified(context, validators) ? Results.StatusCode(StatusCodes.Status304NotModified) : await next(invocation);
        });
}
