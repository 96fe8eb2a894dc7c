using Microsoft.AspNetCore.Mvc.ApplicationModels;
using PressReleases.Core.Releases;

namespace PressReleases.Web.Pages.Names;

/// <summary>
/// Gives the two name pages one literal route per <see cref="NameKind"/>: <c>/ministers</c> and
/// <c>/portfolios</c> for the directory, <c>/ministers/{slug}</c> and <c>/portfolios/{slug}</c> for a scoped
/// listing, each carrying its kind as endpoint metadata (<see cref="KindOf"/>). Literal first segments, not a
/// route parameter, so every other path (<c>/css/site.css</c>) never meets these pages: a POST there stays a
/// 404, not a 405.
/// </summary>
public sealed class NameKindRoutes : IPageRouteModelConvention
{
    private static readonly Dictionary<string, string> SuffixByPage = new(StringComparer.Ordinal)
    {
        ["/Names/Index"] = "",
        ["/Names/Show"] = "/{slug}",
    };

    public void Apply(PageRouteModel model)
    {
        if (!SuffixByPage.TryGetValue(model.ViewEnginePath, out var suffix))
        {
            return;
        }

        model.Selectors.Clear();
        foreach (var kind in NameKind.All)
        {
            var selector = new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = kind.Plural + suffix } };
            selector.EndpointMetadata.Add(kind);
            model.Selectors.Add(selector);
        }
    }

    /// <summary>The kind of name the request's page is for.</summary>
    public static NameKind KindOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<NameKind>()
        ?? throw new InvalidOperationException("A name page was reached without its kind (see NameKindRoutes).");
}
