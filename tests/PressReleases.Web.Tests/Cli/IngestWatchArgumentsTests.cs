using PressReleases.Web.Cli;

namespace PressReleases.Web.Tests.Cli;

/// <summary>How <c>ingest</c>'s options are read, before any host exists.</summary>
public sealed class IngestWatchArgumentsTests
{
    [Theory]
    [InlineData("releases", "--watch")]
    [InlineData("--watch", "releases")]
    public void Watch_IsAnOptionOfIngest(string first, string second)
    {
        Assert.True(CommandLine.TryParse(["ingest", first, second], out var command));
        var ingest = Assert.IsType<IngestCommand>(command);
        Assert.Equal("releases", ingest.Folder);
        Assert.True(ingest.Watch);
        Assert.False(ingest.Strict);
    }

    [Fact]
    public void WithoutWatch_IngestRunsOnce()
    {
        Assert.True(CommandLine.TryParse(["ingest", "releases", "--strict"], out var command));
        var ingest = Assert.IsType<IngestCommand>(command);
        Assert.False(ingest.Watch);
        Assert.True(ingest.Strict);
    }

    [Fact]
    public void StrictAndWatchTogether_AreAUsageError()
    {
        // --strict is an exit code for rejected files; a watch has no end to give one at.
        Assert.True(CommandLine.TryParse(["ingest", "releases", "--strict", "--watch"], out var command));
        Assert.IsType<UsageCommand>(command);
    }

    [Fact]
    public void Usage_DescribesWatchMode()
    {
        Assert.Contains("ingest <folder> --watch", CommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("PressReleases:Ingest:DebounceMilliseconds", CommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("PressReleases:Ingest:RescanMinutes", CommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("SIGTERM", CommandLine.Usage, StringComparison.Ordinal);
    }
}
