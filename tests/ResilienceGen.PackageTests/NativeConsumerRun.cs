using System.Text.RegularExpressions;

namespace ResilienceGen.PackageTests;

/// <summary>
/// The Native AOT consumer (ConsumerTemplate/Aot) published for linux-x64 against both packages, then its native
/// executable run (issue 12: the proof behind the README's AOT claim).
/// </summary>
public sealed partial class NativeConsumerRun
{
    public const string RuntimeIdentifier = "linux-x64";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private NativeConsumerRun(string publishDirectory, CommandResult publish, CommandResult? run)
    {
        PublishDirectory = publishDirectory;
        Publish = publish;
        Run = run;
    }

    public string PublishDirectory { get; }

    public CommandResult Publish { get; }

    /// <summary>Null when the publish failed.</summary>
    public CommandResult? Run { get; }

    /// <summary>Every trim (IL2xxx) and AOT (IL3xxx) warning or error the publish printed, once each.</summary>
    public IReadOnlyList<string> TrimAndAotDiagnostics => TrimOrAotDiagnostic().Matches(Publish.Output)
        .Select(match => match.Value)
        .Distinct()
        .ToList();

    internal static async Task<NativeConsumerRun> PublishAndRunAsync(PackedPackage package, string directory)
    {
        var output = Path.Combine(directory, "native");
        var publish = await ConsumerBuild.RunAsync(package, directory, "publish", "Aot/Consumer.Aot.csproj", ["-c", "Release", "-r", RuntimeIdentifier, "-o", output]);
        if (!publish.Succeeded)
        {
            return new NativeConsumerRun(output, publish, run: null);
        }

        var run = await DotNetCli.RunProgramAsync(Path.Combine(output, "Consumer.Aot"), directory, RunTimeout);
        return new NativeConsumerRun(output, publish, run);
    }

    // "warning IL2057: ..." or "error IL3050: ...", as MSBuild prints them.
    [GeneratedRegex(@"\b(warning|error) IL[23]\d{3}\b[^\r\n]*")]
    private static partial Regex TrimOrAotDiagnostic();
}
