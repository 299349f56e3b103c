using System.Text.RegularExpressions;

namespace ResilienceGen.PackageTests;

/// <summary>
/// The Native AOT consumer (ConsumerTemplate/Aot) published for linux-x64 against both packages, then its native
/// executable run (issue 12: the proof behind the README's AOT claim).
/// </summary>
public sealed partial class NativeConsumerRun : ConsumerRun
{
    public const string RuntimeIdentifier = "linux-x64";

    private NativeConsumerRun(string directory, string publishDirectory, CommandResult publish, CommandResult? run)
        : base(directory, publish, run)
        => PublishDirectory = publishDirectory;

    /// <summary>Where the native executable was published.</summary>
    public string PublishDirectory { get; }

    /// <summary>The publish (the base's <see cref="ConsumerRun.Build"/>).</summary>
    public CommandResult Publish => Build;

    /// <summary>Every trim (IL2xxx) and AOT (IL3xxx) warning or error the publish printed, once each.</summary>
    public IReadOnlyList<string> TrimAndAotDiagnostics => TrimOrAotDiagnostic().Matches(Publish.Output)
        .Select(match => match.Value)
        .Distinct()
        .ToList();

    internal static async Task<NativeConsumerRun> PublishAndRunAsync(PackedPackage package, string directory)
    {
        var output = Path.Combine(directory, "native");
        var (publish, run) = await BuildThenRunAsync(
            package, directory, "publish", "Aot/Consumer.Aot.csproj", ["-c", "Release", "-r", RuntimeIdentifier, "-o", output],
            () => DotNetCli.RunProgramAsync(Path.Combine(output, "Consumer.Aot"), directory, RunTimeout));
        return new NativeConsumerRun(directory, output, publish, run);
    }

    // "warning IL2057: ..." or "error IL3050: ...", as MSBuild prints them.
    [GeneratedRegex(@"\b(warning|error) IL[23]\d{3}\b[^\r\n]*")]
    private static partial Regex TrimOrAotDiagnostic();
}
