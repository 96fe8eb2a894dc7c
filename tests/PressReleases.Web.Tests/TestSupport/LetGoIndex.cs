using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;

namespace PressReleases.Web.Tests.TestSupport;

/// <summary>
/// Opens an index a test has just had a site or a child process close. The lock on <c>index.lock</c> is an
/// advisory lock on an open file, and a child process another test forks at that moment holds a copy of every
/// open file until its exec closes it, so the lock can outlive its owner by a moment on a busy machine (one CI
/// run hit it). Waiting a bounded time for it keeps that moment out of the test; a lock never let go still fails.
/// </summary>
public static class LetGoIndex
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static SearchIndex Open(string indexPath)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new SearchIndex(indexPath, new ReleaseAnalyzer());
            }
            catch (SearchIndexException ex) when (ex.InnerException is IOException && waited.Elapsed < Wait)
            {
                Thread.Sleep(50);
            }
        }
    }
}
