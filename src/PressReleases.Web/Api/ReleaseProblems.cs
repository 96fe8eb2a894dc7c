using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using PressReleases.Core.Store;
using PressReleases.Web.Display;
using PressReleases.Web.Following;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Api;

/// <summary>A release an endpoint asked for, or the problem to answer instead.</summary>
internal sealed record FoundRelease(ReleaseDetail? Release, ProblemHttpResult? Problem)
{
    [MemberNotNullWhen(true, nameof(Problem))]
    [MemberNotNullWhen(false, nameof(Release))]
    public bool Failed => Release is null;
}

/// <summary>How the endpoints about one release find it, and what they answer when it is unknown or withdrawn.</summary>
internal static class ReleaseProblems
{
    /// <summary>
    /// The release (from the store, or from the index while the store is away; withdrawn ones too), or the problem to
    /// answer: 503 while the store is still opening, 404 for an unknown slug.
    /// </summary>
    public static async Task<FoundRelease> FindAsync(string slug, HttpContext context, StartupState startup, ReleaseLookup releases, CancellationToken cancellationToken)
    {
        if (await ApiProblems.WaitAsync(context, startup.WhenStoreReady, cancellationToken) is { } notReady)
        {
            return new(null, notReady);
        }

        return await releases.FindAsync(slug, cancellationToken) is { } release
            ? new(release, null)
            : new(null, TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Release not found",
                detail: $"There is no release with the slug '{slug}'."));
    }

    /// <summary>
    /// 410 for a withdrawn release: when it left the source and its original address, and under <paramref name="key"/>
    /// what the endpoint would have given, so that what was withdrawn stays readable.
    /// </summary>
    public static ProblemHttpResult Withdrawn(ReleaseDetail release, string key, object content)
    {
        var removed = release.RemovedAt is { } at ? $" on {Format.IsoDate(DateOnly.FromDateTime(at.UtcDateTime))}" : "";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status410Gone,
            title: "Release withdrawn",
            detail: $"The release '{release.Title}' was removed from the source{removed}.",
            extensions: new Dictionary<string, object?>
            {
                ["url"] = release.SourceUrl,
                ["removedAt"] = release.RemovedAt,
                [key] = content,
            });
    }
}
