namespace ResilienceGen.PackageTests;

/// <summary>
/// The repository packed once for the whole test run, into a temp folder, at a version no feed or cache can
/// already hold: whatever a consumer restores can only be the nupkg packed here.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private readonly TemporaryDirectory _root = new("packed");
    private readonly Lazy<Task<ConsumerRun>> _consumer;
    private readonly Lazy<Task<CommandResult>> _brokenConsumerBuild;

    public PackedPackage()
    {
        _consumer = new(() => ConsumerRun.BuildAndRunAsync(this, _root.Combine("consumer")));
        _brokenConsumerBuild = new(() => BrokenConsumer.BuildAsync(this, _root.Combine("broken-consumer")));
    }

    public string Version { get; private set; } = "";

    /// <summary>The local folder source the consumers' nuget.config adds.</summary>
    public string PackagesDirectory => _root.Combine("packages");

    /// <summary>The consumers' global packages folder: empty at start, so no stale copy can be used.</summary>
    public string RestoreCacheDirectory => _root.Combine("restore-cache");

    public string NupkgPath => Path.Combine(PackagesDirectory, $"ResilienceGen.{Version}.nupkg");

    public string SnupkgPath => Path.Combine(PackagesDirectory, $"ResilienceGen.{Version}.snupkg");

    /// <summary>The consumer of the package, built and run once, shared by the tests that look at it.</summary>
    public Task<ConsumerRun> Consumer => _consumer.Value;

    /// <summary>The build of a consumer with a wrong declaration, done once.</summary>
    public Task<CommandResult> BrokenConsumerBuild => _brokenConsumerBuild.Value;

    public async Task InitializeAsync()
    {
        var repo = RepositoryRoot.Path;
        var project = Path.Combine("src", "ResilienceGen", "ResilienceGen.csproj");

        var versionQuery = await DotNetCli.RunAsync(repo, TimeSpan.FromMinutes(2), "msbuild", project, "-getProperty:Version");
        if (!versionQuery.Succeeded)
        {
            throw new InvalidOperationException($"Could not read the package version:\n{versionQuery}");
        }

        Version = $"{versionQuery.Output.Trim()}-packagetest.{DateTime.UtcNow:yyyyMMddHHmmss}";

        // --artifacts-path keeps this Release build out of the work tree's bin/ and obj/, so it neither reuses
        // nor disturbs anything built there.
        var pack = await DotNetCli.RunAsync(
            repo,
            PackTimeout,
            ["pack", project, "-c", "Release", "-o", PackagesDirectory, "--artifacts-path", _root.Combine("artifacts"),
             $"-p:Version={Version}", .. DotNetCli.IsolatedBuildFlags]);
        if (!pack.Succeeded || !File.Exists(NupkgPath))
        {
            throw new InvalidOperationException($"dotnet pack did not make {NupkgPath}:\n{pack}");
        }
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
