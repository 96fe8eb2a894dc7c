using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Pages.Reannouncements;

/// <summary>
/// Releases whose texts overlap by counted amounts (n words give n − 4 five-word runs):
/// "bill-passes" repeats the first 130 of "bill-introduced"'s 150 words and adds 40, so 126 runs are shared, 126/146 of
/// bill-introduced's (86%) and 126/166 of bill-passes' (75%); "part" is the first half of "omnibus", so all of part's
/// 96 runs and 96/196 of omnibus' (48%) are shared; "alone" shares nothing.
/// </summary>
public sealed class ReannouncementsFixture() : WrittenFilesFixture("reannouncements")
{
    private static readonly string[] Minister = ["Hon Jane Example"];
    private static readonly string[] Portfolio = ["Justice"];

    protected override IReadOnlyList<ReleaseSpec> Releases { get; } =
    [
        ReleaseSpec.Make("bill-introduced", "Bill introduced", "2021-03-01", Minister, Portfolio, Prose.Words(1, 150)),
        ReleaseSpec.Make("bill-passes", "Bill passes", "2021-09-01", Minister, Portfolio, Prose.Words(1, 130) + " " + Prose.Words(2, 40)),
        ReleaseSpec.Make("omnibus", "Omnibus statement", "2021-05-01", Minister, Portfolio, Prose.Words(3, 100) + "\n\n" + Prose.Words(4, 100)),
        ReleaseSpec.Make("part", "Part of the statement", "2021-05-02", Minister, Portfolio, Prose.Words(3, 100)),
        ReleaseSpec.Make("alone", "Alone", "2021-01-01", Minister, Portfolio, Prose.Words(5, 150)),
    ];
}
