using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Snapshots;
using PressReleases.Web.Tests.TestSupport;

namespace PressReleases.Web.Tests.Snapshots;

/// <summary>
/// <c>GET /internal/index-snapshot</c> on one node: off without a key, refused without the right one, and with it a tar
/// of the last commit that opens as the same index. The commit is held while its files stream and released when the
/// client goes away midway.
/// </summary>
public sealed class IndexSnapshotEndpointTests : IAsyncLifetime
{
    private const string Key = "a-shared-key-for-the-index-snapshot";

    private readonly TempDirectory temp = new("snapshot-endpoint");
    private PressReleasesFactory site = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        site = new PressReleasesFactory(RepoPaths.RequireSeedsFolder(), temp.Sub("data"));
        site.Settings["PressReleases:Index:SnapshotKey"] = Key;
        client = site.CreateTestClient();
        await site.WaitForReleasesAsync(client, SeedCorpus.ExpectedReleases);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await site.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task WithoutAKeyConfigured_TheEndpointIsNotThere()
    {
        await using var plain = new PressReleasesFactory(temp.Sub("no-source"), temp.Sub("plain"), ingestOnStartup: false);
        using var plainClient = plain.CreateTestClient();
        await plain.WaitForReleasesAsync(plainClient, 0);
        plainClient.DefaultRequestHeaders.Add(IndexSnapshotEndpoint.KeyHeader, Key);

        Assert.Equal(HttpStatusCode.NotFound, (await plainClient.GetAsync(IndexSnapshotEndpoint.Path)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a-shared-key-for-the-index-snapshoT")]
    [InlineData("a-shared-key-for-the-index-snapshot ")]
    public async Task WithoutTheKey_TheSnapshotIsRefused(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, IndexSnapshotEndpoint.Path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IndexSnapshotEndpoint.KeyHeader, key);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual("application/x-tar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, Index.HeldSnapshots);
    }

    [Fact]
    public async Task WithTheKey_ItIsTheLastCommit_AsAnIndexThatOpens()
    {
        using var request = WithKey();
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-tar", response.Content.Headers.ContentType?.MediaType);
        var folder = temp.Sub("copy");
        var bytes = await IndexSnapshotFolder.ExtractAsync(await response.Content.ReadAsStreamAsync(), folder, CancellationToken.None);

        var contents = IndexSnapshotFolder.Validate(folder, bytes);

        Assert.Equal(SeedCorpus.ExpectedReleases, contents.Documents);
        Assert.Equal(Index.CommittedChangeSeq, contents.ChangeSeq);
        Assert.Equal(contents.ChangeSeq.ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues(IndexSnapshotEndpoint.ChangeSeqHeader)));
        Assert.NotNull(contents.StoreIdentity);
        Assert.Equal(contents.StoreIdentity, Assert.Single(response.Headers.GetValues(IndexSnapshotEndpoint.StoreHeader)));
        Assert.DoesNotContain("write.lock", Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal(0, Index.HeldSnapshots);
    }

    [Fact]
    public async Task ClientThatGoesAwayMidway_ReleasesTheCommit()
    {
        using (var request = WithKey())
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync();
            Assert.True(await body.ReadAsync(new byte[512]) > 0);

            // The index is far larger than what the server may write ahead of the reader, so the copy is still going.
            Assert.Equal(1, Index.HeldSnapshots);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Index.HeldSnapshots > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, Index.HeldSnapshots);
    }

    private SearchIndex Index => site.Services.GetRequiredService<SearchIndex>();

    private static HttpRequestMessage WithKey()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, IndexSnapshotEndpoint.Path);
        request.Headers.Add(IndexSnapshotEndpoint.KeyHeader, Key);
        return request;
    }
}
