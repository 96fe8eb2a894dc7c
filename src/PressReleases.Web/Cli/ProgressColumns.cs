using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PressReleases.Web.Cli;

/// <summary>"12,000 / 55,167 files", as the plain progress lines say it.</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.IsIndeterminate
            ? "counting files"
            : string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0} / {task.MaxValue:N0} files"));
}

/// <summary>"3,900 files/s", from Spectre's own recent-speed sampling.</summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed:N0} files/s") : "", new Style(Color.Grey));
}
