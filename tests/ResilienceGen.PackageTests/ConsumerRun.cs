namespace ResilienceGen.PackageTests;

/// <summary>The consumer app (and the library it references) built against the package, then run.</summary>
public sealed class ConsumerRun
{
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
        var build = await ConsumerBuild.RunAsync(package, directory, "build", "App/Consumer.App.csproj");
        if (!build.Succeeded)
        {
            return new ConsumerRun(directory, build, run: null);
        }

        var run = await DotNetCli.RunAsync(directory, RunTimeout, Path.Combine("App", "bin", "Debug", "net10.0", "Consumer.App.dll"));
        return new ConsumerRun(directory, build, run);
    }
}

/// <summary>One consumer project of the template, copied into its own folder and built (or published) there.</summary>
internal static class ConsumerBuild
{
    // A Native AOT publish compiles the whole app to machine code: far longer than a build.
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    /// <param name="verb">build or publish.</param>
    /// <param name="project">The project's path inside the template.</param>
    /// <param name="arguments">More arguments for the command.</param>
    /// <param name="prepare">Called with the copied template's folder before the command, for what the template cannot hold.</param>
    public static async Task<CommandResult> RunAsync(
        PackedPackage package, string directory, string verb, string project, string[]? arguments = null, Action<string>? prepare = null)
    {
        ConsumerTemplate.CopyTo(directory, package);
        prepare?.Invoke(directory);
        return await DotNetCli.RunAsync(directory, BuildTimeout, [verb, project, .. arguments ?? [], .. DotNetCli.IsolatedBuildFlags]);
    }
}
