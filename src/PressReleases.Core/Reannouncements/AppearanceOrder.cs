namespace PressReleases.Core.Reannouncements;

/// <summary>
/// Which of two releases appeared first: the earlier date; on the same date (or both undated) the slug that sorts
/// first, ordinally, so the answer is the same in every store whatever order its files were ingested in. Undated
/// releases come after dated ones: nothing says they came first.
/// </summary>
public static class AppearanceOrder
{
    public static int Compare(DateOnly? date, string slug, DateOnly? otherDate, string otherSlug)
    {
        var byDate = (date, otherDate) switch
        {
            ({ } a, { } b) => a.CompareTo(b),
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
        };
        return byDate != 0 ? byDate : string.CompareOrdinal(slug, otherSlug);
    }
}
