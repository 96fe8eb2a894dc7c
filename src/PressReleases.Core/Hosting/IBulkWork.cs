namespace PressReleases.Core.Hosting;

/// <summary>
/// Told when work starts that needs far more memory than answering requests does (an ingest, an index rebuild or
/// a replay of store changes) and, by disposing what <see cref="Begin"/> returned, when it ends. The site keeps its
/// heap small while it only serves and makes room for such work (Web: Memory/HeapBudget); the command line tells
/// no one. Calls may overlap and nest: the room is kept until the last one ends.
/// </summary>
public interface IBulkWork
{
    IDisposable Begin();
}
