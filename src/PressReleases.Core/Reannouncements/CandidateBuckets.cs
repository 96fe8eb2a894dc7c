namespace PressReleases.Core.Reannouncements;

/// <summary>
/// Candidate pairs kept as the buckets they come from (releases equal in one band) instead of as pairs: a bucket of k
/// releases is k ids, where its pairs are k(k-1)/2. Word salad with real word frequencies (the synthetic million) puts
/// a few hundred releases in one bucket of nearly every band, about 21 million pairs in all, none a re-announcement;
/// as buckets they are a few hundred thousand ids. Buckets are added from any number of band tables; the pairs are
/// read once each, from the first bucket the two releases share.
/// </summary>
/// <param name="wanted">The releases whose pairs are wanted: a bucket holding none of them is not kept.</param>
internal sealed class CandidateBuckets(IReadOnlySet<int> wanted)
{
    /// <summary>Every kept bucket's ids, one bucket after another, each bucket's sorted.</summary>
    private readonly List<int> members = [];

    /// <summary>Where each kept bucket starts in <see cref="members"/>; one more entry marks the end of the last.</summary>
    private readonly List<int> starts = [0];

    /// <summary>(id, bucket) for every member, sorted: the buckets of one release, in the order they were kept.</summary>
    private (int Id, int Bucket)[]? memberships;

    public int Buckets => starts.Count - 1;

    /// <summary>Keeps a bucket of distinct ids when it has two or more and holds a wanted release.</summary>
    public void Add(ReadOnlySpan<int> bucket)
    {
        if (bucket.Length < 2 || !Any(bucket, wanted.Contains))
        {
            return;
        }

        var start = members.Count;
        foreach (var id in bucket)
        {
            members.Add(id);
        }

        members.Sort(start, bucket.Length, Comparer<int>.Default);
        starts.Add(members.Count);
        memberships = null;
    }

    /// <summary>The releases in some kept bucket: those whose texts the pairs compare.</summary>
    public IEnumerable<int> Releases() => members.Distinct();

    /// <summary>
    /// Every pair of releases that share a kept bucket, of which at least one is wanted, once each as (smaller id,
    /// larger id): from the first bucket the two share, so a pair equal in several bands is read once.
    /// </summary>
    public IEnumerable<(int A, int B)> Pairs()
    {
        memberships ??= SortedMemberships();
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            for (var i = starts[bucket]; i < starts[bucket + 1]; i++)
            {
                for (var j = i + 1; j < starts[bucket + 1]; j++)
                {
                    var (a, b) = (members[i], members[j]);
                    if (a != b && (wanted.Contains(a) || wanted.Contains(b)) && FirstShared(a, b) == bucket)
                    {
                        yield return (a, b);
                    }
                }
            }
        }
    }

    private (int Id, int Bucket)[] SortedMemberships()
    {
        var all = new (int Id, int Bucket)[members.Count];
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            for (var i = starts[bucket]; i < starts[bucket + 1]; i++)
            {
                all[i] = (members[i], bucket);
            }
        }

        Array.Sort(all);
        return all;
    }

    /// <summary>The first bucket holding both releases, by a merge of their bucket lists (at most one per band each).</summary>
    private int FirstShared(int a, int b)
    {
        var (i, j) = (FirstOf(a), FirstOf(b));
        while (i < memberships!.Length && j < memberships.Length && memberships[i].Id == a && memberships[j].Id == b)
        {
            var (bucketOfA, bucketOfB) = (memberships[i].Bucket, memberships[j].Bucket);
            if (bucketOfA == bucketOfB)
            {
                return bucketOfA;
            }

            if (bucketOfA < bucketOfB)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return -1;
    }

    /// <summary>Where the memberships of <paramref name="id"/> start (it has at least one).</summary>
    private int FirstOf(int id)
    {
        var (low, high) = (0, memberships!.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (memberships[middle].Id < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static bool Any(ReadOnlySpan<int> ids, Func<int, bool> test)
    {
        foreach (var id in ids)
        {
            if (test(id))
            {
                return true;
            }
        }

        return false;
    }
}
