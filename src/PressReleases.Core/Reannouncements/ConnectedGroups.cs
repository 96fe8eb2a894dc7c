namespace PressReleases.Core.Reannouncements;

/// <summary>Union-find over release ids: the groups that pairs join, directly or through one another.</summary>
internal sealed class ConnectedGroups
{
    private readonly Dictionary<int, int> parent = [];

    public void Join(int a, int b)
    {
        var (rootA, rootB) = (Root(a), Root(b));
        if (rootA != rootB)
        {
            parent[rootA] = rootB;
        }
    }

    public IEnumerable<List<int>> Groups() => parent.Keys.ToList().GroupBy(Root).Select(g => g.ToList());

    private int Root(int id)
    {
        if (!parent.TryGetValue(id, out var up))
        {
            parent[id] = id;
            return id;
        }

        while (up != id)
        {
            // Path halving keeps the trees shallow without recursion.
            var grand = parent[up];
            parent[id] = grand;
            id = up;
            up = grand;
        }

        return id;
    }
}
