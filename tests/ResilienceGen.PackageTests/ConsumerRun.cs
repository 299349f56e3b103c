namespace ResilienceGen.PackageTests;

/// <summary>
/// A consumer project of the template built (or published) against the package, then run when that succeeded: the
/// app consumer (<see cref="BuildAndRunAsync"/>) and, derived, the Native AOT one (<see cref="NativeConsumerRun"/>).
/// </summary>
public class ConsumerRun
{
    protected static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    protected ConsumerRun(string directory, CommandResult build, CommandResult? run)
    {
        Directory = directory;
        Build = build;
        Run = run;
    }

    /// <summary>The copied template's folder.</summary>
    public string Directory { get; }

    /// <summary>The build, or the publish of a native consumer.</summary>
    public CommandResult Build { get; }

    /// <summary>Null when the build failed.</summary>
    public CommandResult? Run { get; }

    internal static async Task<ConsumerRun> BuildAndRunAsync(PackedPackage package, string directory)
    {
        var (build, run) = await BuildThenRunAsync(
            package, directory, "build", "App/Consumer.App.csproj", [],
            () => DotNetCli.RunAsync(directory, RunTimeout, Path.Combine("App", "bin", "Debug", "net10.0", "Consumer.App.dll")));
        return new ConsumerRun(directory, build, run);
    }

    /// <summary>Builds (or publishes) one project of the template; runs the result only when that succeeded.</summary>
    protected static async Task<(CommandResult Build, CommandResult? Run)> BuildThenRunAsync(
        PackedPackage package, string directory, string verb, string project, string[] arguments, Func<Task<CommandResult>> run)
    {
        var build = await ConsumerBuild.RunAsync(package, directory, verb, project, arguments);
        return build.Succeeded ? (build, await run()) : (build, null);
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
