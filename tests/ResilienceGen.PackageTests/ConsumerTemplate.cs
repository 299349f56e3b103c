namespace ResilienceGen.PackageTests;

/// <summary>
/// The consumer projects in ConsumerTemplate/, copied to a folder outside the repository with the packed
/// version, the local package folder and the isolated restore cache filled in.
/// </summary>
internal static class ConsumerTemplate
{
    private static string SourceDirectory => Path.Combine(AppContext.BaseDirectory, "ConsumerTemplate");

    public static void CopyTo(string destination, PackedPackage package)
    {
        foreach (var file in Directory.EnumerateFiles(SourceDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(SourceDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file)
                .Replace("{{PACKAGE_VERSION}}", package.Version, StringComparison.Ordinal)
                .Replace("{{PACKAGES_DIRECTORY}}", package.PackagesDirectory, StringComparison.Ordinal)
                .Replace("{{RESTORE_CACHE_DIRECTORY}}", package.RestoreCacheDirectory, StringComparison.Ordinal);
            File.WriteAllText(target, text);
        }
    }
}
