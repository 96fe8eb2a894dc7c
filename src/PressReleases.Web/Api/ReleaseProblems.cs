using Microsoft.AspNetCore.Http.HttpResults;
using PressReleases.Core.Store;
using PressReleases.Web.Display;

namespace PressReleases.Web.Api;

/// <summary>The answers every endpoint about one release gives when there is none to give: unknown, or withdrawn.</summary>
internal static class ReleaseProblems
{
    public static ProblemHttpResult NotFound(string slug) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Release not found",
        detail: $"There is no release with the slug '{slug}'.");

    /// <summary>410 with the original address and when the release left the source.</summary>
    public static ProblemHttpResult Withdrawn(ReleaseDetail release)
    {
        var removed = release.RemovedAt is { } at ? $" on {Format.IsoDate(DateOnly.FromDateTime(at.UtcDateTime))}" : "";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status410Gone,
            title: "Release withdrawn",
            detail: $"The release '{release.Title}' was removed from the source{removed}.",
            extensions: new Dictionary<string, object?> { ["url"] = release.SourceUrl, ["removedAt"] = release.RemovedAt });
    }
}
