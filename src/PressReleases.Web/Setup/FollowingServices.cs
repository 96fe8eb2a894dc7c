using PressReleases.Web.Following;

namespace PressReleases.Web.Setup;

public static class FollowingServices
{
    /// <summary>
    /// Following the store into this node's index (<see cref="StoreFollower"/>), and reading releases from the index
    /// while the store is away (<see cref="ReleaseLookup"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPressReleaseFollowing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FollowerState>();
        builder.Services.AddSingleton<ReleaseLookup>();
        builder.Services.AddHostedService<StoreFollower>();
        return builder;
    }
}
