namespace PressReleases.TestSupport;

/// <summary>
/// Made-up text for comparing: words of random letters from a seeded generator, so texts of different seeds share no
/// five-word run while the same seed always gives the same text (re-announcement tests count shared runs with it).
/// </summary>
public static class Prose
{
    public static string Words(int seed, int count)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => Word(random)));
    }

    private static string Word(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26))));
}
