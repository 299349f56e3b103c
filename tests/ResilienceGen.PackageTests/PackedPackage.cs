namespace ResilienceGen.PackageTests;

/// <summary>
/// The runtime, configuration, hosting and fleet (Redis) packages packed once for the whole test run, into a temp folder, at a version no feed or cache can
/// already hold: whatever a consumer restores can only be the nupkg packed here.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private readonly TemporaryDirectory _root = new("packed");
    private readonly Lazy<Task<ConsumerRun>> _consumer;
    private readonly Lazy<Task<NativeConsumerRun>> _nativeConsumer;
    private readonly Lazy<Task<CommandResult>> _brokenConsumerBuild;
    private readonly Lazy<Task<CommandResult>> _net8FloorsConsumerBuild;
    private readonly Lazy<Task<CommandResult>> _strongNamedConsumerBuild;
    private readonly Lazy<Task<CommandResult>> _csharp73ConsumerBuild;

    public PackedPackage()
    {
        _consumer = new(() => ConsumerRun.BuildAndRunAsync(this, _root.Combine("consumer")));
        _nativeConsumer = new(() => NativeConsumerRun.PublishAndRunAsync(this, _root.Combine("native-consumer")));
        _brokenConsumerBuild = new(() => ConsumerBuild.RunAsync(this, _root.Combine("broken-consumer"), "build", "Broken/Consumer.Broken.csproj"));
        _net8FloorsConsumerBuild = new(() => ConsumerBuild.RunAsync(this, _root.Combine("net8-floors-consumer"), "build", "Net8Floors/Consumer.Net8Floors.csproj"));
        _strongNamedConsumerBuild = new(() => ConsumerBuild.RunAsync(
            this, _root.Combine("strong-named-consumer"), "build", "StrongNamed/Consumer.StrongNamed.csproj",
            prepare: directory => StrongNameKey.WriteNew(Path.Combine(directory, "StrongNamed", "consumer.snk"))));
        _csharp73ConsumerBuild = new(() => ConsumerBuild.RunAsync(this, _root.Combine("csharp73-consumer"), "build", "CSharp73/Consumer.CSharp73.csproj"));
    }

    public string Version { get; private set; } = "";

    /// <summary>The local folder source the consumers' nuget.config adds.</summary>
    public string PackagesDirectory => _root.Combine("packages");

    /// <summary>The consumers' global packages folder: empty at start, so no stale copy can be used.</summary>
    public string RestoreCacheDirectory => _root.Combine("restore-cache");

    public string NupkgPath => Path.Combine(PackagesDirectory, $"ResilienceGen.{Version}.nupkg");

    public string SnupkgPath => Path.Combine(PackagesDirectory, $"ResilienceGen.{Version}.snupkg");

    public string ConfigurationNupkgPath => Path.Combine(PackagesDirectory, $"ResilienceGen.Configuration.{Version}.nupkg");

    public string HostingNupkgPath => NupkgPathOf("ResilienceGen.Hosting");

    public string RedisNupkgPath => NupkgPathOf("ResilienceGen.Redis");

    /// <summary>The nupkg of the package with that id, at this run's version.</summary>
    public string NupkgPathOf(string packageId) => Path.Combine(PackagesDirectory, $"{packageId}.{Version}.nupkg");

    /// <summary>The consumer of the package, built and run once, shared by the tests that look at it.</summary>
    public Task<ConsumerRun> Consumer => _consumer.Value;

    /// <summary>The Native AOT consumer of the packages (a Generic Host among them), published and run once.</summary>
    public Task<NativeConsumerRun> NativeConsumer => _nativeConsumer.Value;

    /// <summary>The build of a consumer with a wrong declaration, done once.</summary>
    public Task<CommandResult> BrokenConsumerBuild => _brokenConsumerBuild.Value;

    /// <summary>The build of a net8.0 consumer pinned to the 8.0 Microsoft.Extensions packages, done once.</summary>
    public Task<CommandResult> Net8FloorsConsumerBuild => _net8FloorsConsumerBuild.Value;

    /// <summary>The build of a strong-named netstandard2.0 consumer, done once.</summary>
    public Task<CommandResult> StrongNamedConsumerBuild => _strongNamedConsumerBuild.Value;

    /// <summary>The build of a netstandard2.0 consumer left at its default C# 7.3, done once.</summary>
    public Task<CommandResult> CSharp73ConsumerBuild => _csharp73ConsumerBuild.Value;

    public async Task InitializeAsync()
    {
        var repo = RepositoryRoot.Path;
        var runtime = Path.Combine("src", "ResilienceGen", "ResilienceGen.csproj");
        var configuration = Path.Combine("src", "ResilienceGen.Configuration", "ResilienceGen.Configuration.csproj");
        var hosting = Path.Combine("src", "ResilienceGen.Hosting", "ResilienceGen.Hosting.csproj");
        var redis = Path.Combine("src", "ResilienceGen.Redis", "ResilienceGen.Redis.csproj");

        var versionQuery = await DotNetCli.RunAsync(repo, TimeSpan.FromMinutes(2), "msbuild", runtime, "-getProperty:Version");
        if (!versionQuery.Succeeded)
        {
            throw new InvalidOperationException($"Could not read the package version:\n{versionQuery}");
        }

        Version = $"{versionQuery.Output.Trim()}-packagetest.{DateTime.UtcNow:yyyyMMddHHmmss}";

        await PackAsync(runtime, NupkgPath);
        await PackAsync(configuration, ConfigurationNupkgPath);
        await PackAsync(hosting, HostingNupkgPath);
        await PackAsync(redis, RedisNupkgPath);
    }

    private async Task PackAsync(string project, string nupkgPath)
    {
        // --artifacts-path keeps this Release build out of the work tree's bin/ and obj/, so it neither reuses
        // nor disturbs anything built there (the second pack reuses the first one's runtime build).
        var pack = await DotNetCli.RunAsync(
            RepositoryRoot.Path,
            PackTimeout,
            ["pack", project, "-c", "Release", "-o", PackagesDirectory, "--artifacts-path", _root.Combine("artifacts"),
             $"-p:Version={Version}", .. DotNetCli.IsolatedBuildFlags]);
        if (!pack.Succeeded || !File.Exists(nupkgPath))
        {
            throw new InvalidOperationException($"dotnet pack did not make {nupkgPath}:\n{pack}");
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
