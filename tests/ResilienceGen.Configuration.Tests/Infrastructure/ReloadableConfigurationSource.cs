using Microsoft.Extensions.Configuration;

namespace ResilienceGen.Configuration.Tests.Infrastructure;

/// <summary>
/// An in-memory configuration source whose whole content a test can replace, raising a reload the way a changed
/// appsettings.json does (MemoryConfigurationProvider can set keys but not remove them).
/// </summary>
public sealed class ReloadableConfigurationSource : IConfigurationSource
{
    public ReloadableConfigurationProvider Provider { get; } = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
}

public sealed class ReloadableConfigurationProvider : ConfigurationProvider
{
    /// <summary>When set, listing child keys throws it: a provider failing in the middle of a reload.</summary>
    public Exception? ReadFailure { get; set; }

    /// <summary>Limits <see cref="ReadFailure"/> to listing the children of this path; null: every path.</summary>
    public string? ReadFailurePath { get; set; }

    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        => ReadFailure is { } failure && (ReadFailurePath is null || string.Equals(ReadFailurePath, parentPath, StringComparison.OrdinalIgnoreCase))
            ? throw failure
            : base.GetChildKeys(earlierKeys, parentPath);

    /// <summary>Replaces every key with <paramref name="data"/> and signals a reload.</summary>
    public void Replace(IEnumerable<KeyValuePair<string, string?>> data)
    {
        Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}
