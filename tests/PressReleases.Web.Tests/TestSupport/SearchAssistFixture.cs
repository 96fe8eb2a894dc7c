namespace PressReleases.Web.Tests.TestSupport;

/// <summary>
/// A small corpus written for the search aids: a frequent word ("geothermal") to correct misspellings
/// towards, two words no release has together ("kiwifruit", "submarine"), a release whose body's matches
/// can be counted, and two releases about one subject that are related to each other.
/// </summary>
public sealed class SearchAssistFixture() : WrittenFilesFixture("search-assist")
{
    public const string Tanemahuta = "Hon Aroha Tānemahuta";
    public const string Carter = "Hon Ben Carter";
    public const string Fairweather = "Hon Ben Fairweather";
    public const string Energy = "Energy and Resources";
    public const string Trade = "Trade";
    public const string Conservation = "Conservation";

    /// <summary>The release whose matches are counted: "geothermal" in paragraphs, a link's text (and its URL), a list.</summary>
    public static readonly ReleaseSpec Marked = ReleaseSpec.Make(
        "geothermal-field-study",
        "Geothermal field study opens",
        "2014-03-03",
        [Tanemahuta],
        [Energy],
        """
        The geothermal field at Wairakei is one of the oldest. Geothermal power supplies a sixth of the country's electricity, says the Minister & her officials.

        Read the [geothermal strategy](https://www.example.govt.nz/geothermal-strategy "geothermal plan") for details.

        - Drilling for geothermal heat
        - Other **GEOTHERMAL** projects
        """);

    public static readonly ReleaseSpec KakapoA = ReleaseSpec.Make(
        "kakapo-breeding-season",
        "Record kakapo breeding season",
        "2016-04-01",
        [Fairweather],
        [Conservation],
        "The kakapo breeding season on Whenua Hou has been the best yet. Rangers counted kakapo chicks in the sanctuary every night. Whenua Hou sanctuary rangers say the rimu mast fed the kakapo well.");

    public static readonly ReleaseSpec KakapoB = ReleaseSpec.Make(
        "kakapo-sanctuary-funding",
        "Funding for kakapo sanctuary rangers",
        "2016-09-12",
        [Fairweather],
        [Conservation],
        "New funding keeps rangers on Whenua Hou, the kakapo sanctuary. The kakapo breeding programme depends on the sanctuary rangers and the rimu mast that feeds kakapo chicks.");

    public static readonly IReadOnlyList<ReleaseSpec> All =
    [
        Marked,
        ReleaseSpec.Make("geothermal-power-station", "New geothermal power station", "2014-05-06", [Tanemahuta], [Energy], "A geothermal power station opens near Taupō. Geothermal energy is renewable."),
        ReleaseSpec.Make("geothermal-heat-for-schools", "Geothermal heat for schools", "2014-07-08", [Tanemahuta], [Energy], "Schools in Rotorua will use geothermal heat this winter."),
        ReleaseSpec.Make("geothermal-research-fund", "Geothermal research fund", "2015-02-10", [Tanemahuta], [Energy], "A research fund for geothermal science opens for applications."),
        ReleaseSpec.Make("geothermal-consents-simplified", "Geothermal consents simplified", "2015-06-11", [Tanemahuta], [Energy], "Consents for geothermal drilling will be simpler to get."),
        ReleaseSpec.Make("geothermal-exports", "Geothermal expertise exported", "2015-10-12", [Tanemahuta, Carter], [Energy, Trade], "New Zealand geothermal engineers will work in Indonesia."),
        ReleaseSpec.Make("kiwifruit-exports-grow", "Kiwifruit exports grow", "2015-11-13", [Carter], [Trade], "Kiwifruit exports grew by a fifth this year."),
        ReleaseSpec.Make("submarine-cable-lands", "Submarine cable lands", "2016-01-14", [Carter], [Trade], "A new submarine cable links New Zealand and Australia."),
        KakapoA,
        KakapoB,
    ];

    protected override IReadOnlyList<ReleaseSpec> Releases => All;
}
