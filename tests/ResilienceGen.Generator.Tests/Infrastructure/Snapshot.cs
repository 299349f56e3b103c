using System.Runtime.CompilerServices;

namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot files with Verify's convention: <c>&lt;Class&gt;.&lt;Test&gt;#&lt;hint&gt;.verified.cs</c> beside the test's source file.
/// A mismatch writes <c>.received.cs</c> (gitignored) and fails; a missing .verified file fails too, so a test can never
/// pass without a reviewed snapshot. Set <c>RESILIENCEGEN_ACCEPT=1</c> to write the received text as verified instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "RESILIENCEGEN_ACCEPT";

    private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    /// <summary>Verifies every file of the run (at least one is required), writing every mismatch before failing.</summary>
    public static void VerifyGenerated(GeneratorRun run, [CallerFilePath] string sourceFile = "", [CallerMemberName] string test = "")
    {
        Assert.NotEmpty(run.GeneratedSources);
        var failures = new List<string>();
        foreach (var source in run.GeneratedSources)
        {
            string? failure = Compare(source.SourceText.ToString(), source.HintName, sourceFile, test);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(string.Join("\n\n", failures));
        }
    }

    public static void Verify(string actual, string hintName, [CallerFilePath] string sourceFile = "", [CallerMemberName] string test = "")
    {
        string? failure = Compare(actual, hintName, sourceFile, test);
        if (failure is not null)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>Null when the snapshot matches (or was accepted); otherwise the failure message, with .received.cs written.</summary>
    private static string? Compare(string actual, string hintName, string sourceFile, string test)
    {
        string directory = SourceDirectory(sourceFile);
        string className = Path.GetFileNameWithoutExtension(sourceFile);
        string stem = hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;
        string basePath = Path.Combine(directory, $"{className}.{test}#{stem}");
        string verifiedPath = basePath + ".verified.cs";
        string receivedPath = basePath + ".received.cs";
        string normalized = Normalize(actual);

        if (File.Exists(verifiedPath) && Normalize(File.ReadAllText(verifiedPath)) == normalized)
        {
            File.Delete(receivedPath);
            return null;
        }

        if (Accepting)
        {
            File.WriteAllText(verifiedPath, normalized);
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, normalized);
        string reason = File.Exists(verifiedPath) ? "differs from" : "has no";
        return $"Generated {hintName} {reason} snapshot {verifiedPath}.\nReceived text written to {receivedPath}; "
            + $"review it, then rerun with {AcceptVariable}=1 to accept.\n\n{normalized}";
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    /// <summary>
    /// The folder of the test's source file. Deterministic CI builds map source paths (to /_/...), so a path that does not
    /// exist is re-rooted at the repository found from the test's output folder.
    /// </summary>
    private static string SourceDirectory(string sourceFile)
    {
        string? directory = Path.GetDirectoryName(sourceFile);
        if (directory is not null && Directory.Exists(directory))
        {
            return directory;
        }

        string normalized = sourceFile.Replace('\\', '/');
        const string marker = "tests/ResilienceGen.Generator.Tests/";
        int index = normalized.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException("Cannot place snapshots for " + sourceFile);
        }

        return Path.GetDirectoryName(Path.Combine(RepoPaths.Root, normalized[index..]))!;
    }
}
