using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PressReleases.Web.Pages;

/// <summary>
/// The friendly page for 404, 410 and 500 (and any other error status), reached by re-execution from the
/// status-code and exception middleware. It never shows exception details. API callers get ProblemDetails.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorsModel(IProblemDetailsService problemDetails) : PageModel
{
    public int Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? code) => await RenderAsync(code);

    // Re-execution keeps the original method, so a failed POST, PUT, DELETE or PATCH lands here too.
    public async Task<IActionResult> OnPostAsync(int? code) => await RenderAsync(code);

    public async Task<IActionResult> OnPutAsync(int? code) => await RenderAsync(code);

    public async Task<IActionResult> OnDeleteAsync(int? code) => await RenderAsync(code);

    public async Task<IActionResult> OnPatchAsync(int? code) => await RenderAsync(code);

    private async Task<IActionResult> RenderAsync(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;

        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (originalPath is not null && originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext });
            return new EmptyResult();
        }

        return Page();
    }
}
