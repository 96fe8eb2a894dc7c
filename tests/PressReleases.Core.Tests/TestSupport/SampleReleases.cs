using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PressReleases.Core.Tests.TestSupport;

/// <summary>
/// A small, hand-written set of releases for search tests; each file is named by its slug. The expected
/// results of a test are derived from this text (by <see cref="Containing"/> or as explained beside the test).
/// </summary>
public static class SampleReleases
{
    public static readonly IReadOnlyDictionary<string, ReleaseFileText> All = new Dictionary<string, ReleaseFileText>(StringComparer.Ordinal)
    {
        ["japan-trade"] = new()
        {
            Title = "Trade talks with Japan",
            Date = "2014-07-10",
            Ministers = ["Hon John Key"],
            Portfolios = ["Trade"],
            Body = "The Prime Minister met Japanese officials in Tokyo to discuss trade and cooperation.\n\nOfficials from China also attended.",
        },
        ["china-visit"] = new()
        {
            Title = "Visit to China",
            Date = "2014-08-01",
            Ministers = ["John Key"],
            Portfolios = ["Foreign Affairs"],
            Body = "Discussions in Beijing covered trade and tourism.",
        },
        ["maori-health"] = new()
        {
            Title = "Māori health funding boost",
            Date = "2010-05-05",
            Ministers = ["Tariana Turia"],
            Portfolios = ["Māori Affairs", "Health"],
            Body = "New funding for Māori health providers was announced today.",
        },
        ["maori-education"] = new()
        {
            Title = "Maori education results",
            Date = "2011-02-02",
            Ministers = ["Dr Pita Sharples"],
            Portfolios = ["Maori Affairs", "Education"],
            Body = "Results for Maori students improved, helped by cooperating kura and schools.",
        },
        ["japan-earthquake"] = new()
        {
            Title = "Support for Japan after earthquake",
            Date = "2011-03-12",
            Ministers = ["John Key", "Hon Murray McCully"],
            Portfolios = ["Foreign Affairs"],
            Body = "New Zealand’s thoughts are with the people of Japan. An urban search and rescue team will fly to Sendai.",
        },
        ["digital-future"] = new()
        {
            Title = "Challenge laid for New Zealand's digital future",
            Date = "0001-01-01",
            Ministers = ["David Cunliffe"],
            Portfolios = ["Communications"],
            Body = "The digital future of the country depends on broadband.",
        },
        ["email-scam"] = new()
        {
            Title = "Warning about email scams & <b>fake</b> invoices",
            Date = "2019-09-09",
            Ministers = ["Kris Faafoi"],
            Portfolios = ["Commerce and Consumer Affairs"],
            Body = "Officials warned about <script>alert(1)</script> attachments in scam emails.",
        },
        ["budget-health"] = new()
        {
            Title = "Budget boosts health spending",
            Date = "2014-05-15",
            Ministers = ["Bill English", "Hon Tony Ryall"],
            Portfolios = ["Finance", "Health"],
            Body = "Health spending rises in the budget. Tourism levies are unchanged.",
        },
    };

    public static IEnumerable<string> Slugs => All.Keys;

    public static void WriteTo(SourceFolder folder)
    {
        foreach (var (slug, release) in All)
        {
            folder.Write($"{slug}.md", release);
        }
    }

    /// <summary>The slugs whose title or body holds every one of <paramref name="words"/> as a whole word (case and diacritics ignored).</summary>
    public static List<string> Containing(params string[] words) =>
        All.Where(r => words.All(w => HasWord(r.Value.Title + "\n" + r.Value.Body, w))).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();

    public static bool HasWord(string text, string word) =>
        Regex.IsMatch(Fold(text), $@"\b{Regex.Escape(Fold(word))}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static DateOnly? DateOf(string slug) =>
        All[slug].Date == "0001-01-01" ? null : DateOnly.ParseExact(All[slug].Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Diacritics removed, by decomposition (the test's own, not the code under test's).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
