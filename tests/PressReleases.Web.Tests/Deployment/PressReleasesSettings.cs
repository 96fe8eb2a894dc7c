using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Tests.Deployment;

/// <summary>
/// The <c>PressReleases</c> settings a deployment can give, read from the options classes the site binds: each
/// class's <c>SectionName</c> and its public settable properties, matched without regard to case as the
/// configuration binder matches them. Environment variables' <c>__</c> stands for the configuration's <c>:</c>.
/// </summary>
internal static class PressReleasesSettings
{
    /// <summary>Every options class bound from the <c>PressReleases</c> section (Setup/OptionsSetup, StoreServices, ApiRateLimiting, RequestLimits, ForwardedHeadersSetup, ResponseCompressionSetup, MetricsSetup).</summary>
    public static readonly IReadOnlyList<Type> OptionsTypes =
    [
        typeof(PressReleasesOptions), typeof(StoreOptions), typeof(IngestOptions), typeof(ApiRateLimitOptions), typeof(RequestQueueOptions),
        typeof(ProxyOptions), typeof(CompressionOptions), typeof(MetricsOptions),
    ];

    public static bool IsPressReleasesKey(string environmentKey) =>
        ConfigurationKey(environmentKey).StartsWith(PressReleasesOptions.SectionName + ":", StringComparison.OrdinalIgnoreCase);

    /// <summary>The property <paramref name="environmentKey"/> sets, or null when it sets nothing (a typo, a section, a computed property).</summary>
    public static PropertyInfo? Find(string environmentKey)
    {
        var key = ConfigurationKey(environmentKey);
        foreach (var type in OptionsTypes)
        {
            var section = SectionName(type) + ":";
            if (!key.StartsWith(section, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A list's entries are keyed by position: KnownNetworks:0 sets an entry of KnownNetworks.
            var name = key[section.Length..];
            var parts = name.Split(':');
            var isListEntry = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
            if (parts.Length == 1 || isListEntry)
            {
                var property = BindableProperties(type).FirstOrDefault(p => string.Equals(p.Name, parts[0], StringComparison.OrdinalIgnoreCase));
                return isListEntry && property?.PropertyType.IsAssignableTo(typeof(System.Collections.IList)) != true ? null : property;
            }
        }

        return null;
    }

    /// <summary>The options <typeparamref name="T"/> as the site would bind them from <paramref name="environment"/>.</summary>
    public static T Bind<T>(IReadOnlyDictionary<string, string> environment) where T : class => (T)Bind(typeof(T), environment);

    /// <summary>
    /// What would stop the site at start with this environment: a value the binder cannot convert, or one that an
    /// options class's validation refuses (ranges, required values, a PostgreSql provider without a connection string).
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> environment)
    {
        var problems = new List<string>();
        foreach (var type in OptionsTypes)
        {
            object options;
            try
            {
                options = Bind(type, environment);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            problems.AddRange(results.Select(r => $"{type.Name}: {r.ErrorMessage}"));
        }

        return problems;
    }

    private static object Bind(Type type, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(pair => KeyValuePair.Create(ConfigurationKey(pair.Key), (string?)pair.Value)))
            .Build();
        var options = Activator.CreateInstance(type)!;
        configuration.GetSection(SectionName(type)).Bind(options);
        return options;
    }

    private static string ConfigurationKey(string environmentKey) => environmentKey.Replace("__", ":", StringComparison.Ordinal);

    private static string SectionName(Type type) =>
        (string)type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    // What the binder sets: public instance properties with a public setter (computed ones such as PollInterval are not settings).
    private static IEnumerable<PropertyInfo> BindableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });
}
