using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace PressReleases.Web.Setup;

/// <summary>
/// Declares every Razor page GET/HEAD only, so routing itself answers 405 to any other method and the
/// endpoint list shows the site is read-only. Minimal API endpoints are GET-only already (MapGet).
/// </summary>
public sealed class ReadOnlyPages : IPageRouteModelConvention
{
    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// The error page is the one exception: the status-code and exception middleware re-execute it with the
    /// failed request's method, so a rejected POST still gets the friendly page. It only renders.
    /// </summary>
    public const string ErrorPage = "/Errors";

    public void Apply(PageRouteModel model)
    {
        if (string.Equals(model.ViewEnginePath, ErrorPage, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var selector in model.Selectors)
        {
            selector.EndpointMetadata.Add(new HttpMethodMetadata(Methods));
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(Methods));
        }
    }
}
