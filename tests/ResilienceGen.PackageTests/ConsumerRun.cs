namespace ResilienceGen.PackageTests;

/// <summary>The consumer app (and the library it references) built against the package, then run.</summary>
public sealed class ConsumerRun
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private ConsumerRun(string directory, CommandResult build, CommandResult? run)
    {
        Directory = directory;
        Build = build;
        Run = run;
    }

    public string Directory { get; }

    public CommandResult Build { get; }

    /// <summary>Null when the build failed.</summary>
    public CommandResult? Run { get; }

    internal static async Task<ConsumerRun> BuildAndRunAsync(PackedPackage package, string directory)
    {
        ConsumerTemplate.CopyTo(directory, package);
        var build = await DotNetCli.RunAsync(directory, BuildTimeout, ["build", "App/Consumer.App.csproj", .. DotNetCli.IsolatedBuildFlags]);
        if (!build.Succeeded)
        {
            return new ConsumerRun(directory, build, run: null);
        }

        var run = await DotNetCli.RunAsync(directory, RunTimeout, Path.Combine("App", "bin", "Debug", "net10.0", "Consumer.App.dll"));
        return new ConsumerRun(directory, build, run);
    }
}

/// <summary>The consumer whose one declaration is wrong on purpose.</summary>
internal static class BrokenConsumer
{
    public static async Task<CommandResult> BuildAsync(PackedPackage package, string directory)
    {
        ConsumerTemplate.CopyTo(directory, package);
        return await DotNetCli.RunAsync(directory, TimeSpan.FromMinutes(10), ["build", "Broken/Consumer.Broken.csproj", .. DotNetCli.IsolatedBuildFlags]);
    }
}
