using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// Loads generator assemblies by path into this process, so Roslyn's own discovery
/// (<see cref="Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference.GetGenerators(string)"/>) finds the
/// generators in them. Their Roslyn references bind to the (newer) Roslyn this process already runs.
/// </summary>
internal sealed class PathAnalyzerLoader : IAnalyzerAssemblyLoader
{
    public static readonly PathAnalyzerLoader Instance = new();

    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}
