namespace PressReleases.Web.Tests.TestSupport;

/// <summary>
/// Releases that spell one minister with and without honorifics and one portfolio with and without its
/// macron, so the tests know exactly who and what should be merged.
/// </summary>
public sealed class NamesFixture() : WrittenFilesFixture("names")
{
    public static readonly ReleaseSpec JaneFirst = ReleaseSpec.Make(
        "jane-geothermal-one", "Geothermal grants open", "2018-01-10", ["Hon Jane Example"], ["Maori Affairs"],
        "Geothermal grants for iwi open today.");

    public static readonly ReleaseSpec JaneSecond = ReleaseSpec.Make(
        "jane-geothermal-two", "Second geothermal round", "2018-02-10", ["Jane Example"], ["Māori Affairs"],
        "A second geothermal round was announced.");

    public static readonly ReleaseSpec JaneWithSam = ReleaseSpec.Make(
        "jane-sam-fisheries", "Fisheries quota settled", "2019-03-10", ["Rt Hon Jane Example", "Dr Sam Sample"], ["Māori Affairs", "Fisheries"],
        "The fisheries quota has been settled.");

    public static readonly ReleaseSpec SamFirst = ReleaseSpec.Make(
        "sam-fisheries-report", "Fisheries report released", "2020-01-01", ["Sam Sample"], ["Fisheries"],
        "The annual fisheries report is out.");

    public static readonly ReleaseSpec SamSecond = ReleaseSpec.Make(
        "sam-geothermal-marae", "Geothermal heating for marae", "2021-06-01", ["Hon Sam Sample"], ["Māori Affairs"],
        "Geothermal heating will warm ten marae.");

    public static IReadOnlyList<ReleaseSpec> All => [JaneFirst, JaneSecond, JaneWithSam, SamFirst, SamSecond];

    protected override IReadOnlyList<ReleaseSpec> Releases => All;
}
