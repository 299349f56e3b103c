using System.Reflection;

namespace Shop;

/// <summary>Where the compiler wrote the generated wrappers (EmitCompilerGeneratedFiles is on in the csproj).</summary>
public static class GeneratedFiles
{
    public static IReadOnlyList<string> OfThisSample()
    {
        var directory = typeof(GeneratedFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "GeneratedFilesDirectory")?.Value;
        if (directory is null || !Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.g.cs", SearchOption.AllDirectories)
            .Where(file => file.Contains("ResilienceGen.Generator", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Environment.CurrentDirectory, file))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
