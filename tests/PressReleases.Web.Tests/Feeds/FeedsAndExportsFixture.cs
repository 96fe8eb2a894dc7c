using System.Globalization;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Feeds;

/// <summary>
/// Releases for the feeds and exports: one minister with more releases than a feed holds, another with a
/// few (one undated, one titled like a spreadsheet formula, one with a comma and quotes in its title, one
/// with a control character in its body), and
/// one release naming both.
/// </summary>
public sealed class FeedsAndExportsFixture() : WrittenFilesFixture("feeds-exports")
{
    public const string Busy = "Hon Ruth Busy";
    public const string BusySlug = "ruth-busy";
    public const string Other = "Hon Tom Other";
    public const string OtherSlug = "tom-other";
    public const int BusyOwnReleases = 60;

    public const string FormulaTitle = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string QuotedTitle = "Trade, \"tariffs\" and you";

    public static readonly ReleaseSpec Undated = ReleaseSpec.Make("trade-undated", "Trade statement of unknown date", "0001-01-01", [Other], ["Trade"], "A trade statement whose date is unknown.");

    public static readonly ReleaseSpec Formula = ReleaseSpec.Make("trade-formula", FormulaTitle, "2019-05-01", [Other], ["Trade"], "A release whose title looks like a formula.");

    public static readonly ReleaseSpec Quoted = ReleaseSpec.Make("trade-quoted", QuotedTitle, "2019-06-01", [Other], ["Trade"], "Tariffs explained, with \"quotes\".");

    /// <summary>A body with a vertical tab, as text pasted from a word processor has: XML 1.0 cannot carry it.</summary>
    public static readonly ReleaseSpec ControlCharacter = ReleaseSpec.Make("trade-pasted", "Trade figures pasted", "2018-10-10", [Other], ["Trade"], "Trade figures\vwere pasted from a word processor.");

    public static readonly ReleaseSpec Joint = ReleaseSpec.Make("joint-housing-trade", "Joint housing and trade statement", "2020-12-25", [Busy, Other], ["Housing", "Trade"], "Housing and trade ministers speak together.");

    public static readonly IReadOnlyList<ReleaseSpec> All =
    [
        .. Enumerable.Range(1, BusyOwnReleases).Select(i => ReleaseSpec.Make(
            $"housing-update-{i}",
            $"Housing update {i}",
            new DateOnly(2020, 1, 1).AddDays(i * 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [Busy],
            ["Housing"],
            $"Housing news number {i}: new homes are being built{(i % 2 == 0 ? " near geothermal fields" : "")}.")),
        Undated,
        Formula,
        Quoted,
        ControlCharacter,
        Joint,
        ReleaseSpec.Make("trade-mission", "Trade mission to Japan", "2018-03-03", [Other], ["Trade"], "A trade mission leaves for Japan."),
        ReleaseSpec.Make("trade-deal", "Trade deal signed", "2018-09-09", [Other], ["Trade"], "A trade deal with Japan is signed."),
    ];

    protected override IReadOnlyList<ReleaseSpec> Releases => All;
}
