using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ResilienceGen.Analyzers.Tests.Suppressors;

/// <summary>
/// The real CA1822 analyzer, from the Microsoft.CodeAnalysis.NetAnalyzers package the project file copies next to the
/// tests (the same analyzer the .NET SDK runs), so the suppressor is tested against what users actually get.
/// </summary>
internal static class NetAnalyzersLoader
{
    private static readonly Lazy<DiagnosticAnalyzer> MarkMembersAsStatic = new(() => Load("CA1822", "MarkMembersAsStatic"));

    public static DiagnosticAnalyzer Ca1822 => MarkMembersAsStatic.Value;

    private static DiagnosticAnalyzer Load(string id, string typeNamePart)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "NetAnalyzers");
        foreach (string path in Directory.GetFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            foreach (Type type in Assembly.LoadFrom(path).GetTypes())
            {
                if (!type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.Name.Contains(typeNamePart, StringComparison.Ordinal)
                    && Activator.CreateInstance(type) is DiagnosticAnalyzer analyzer
                    && analyzer.SupportedDiagnostics.Any(d => d.Id == id))
                {
                    return analyzer;
                }
            }
        }

        throw new InvalidOperationException("No analyzer for " + id + " in " + folder);
    }
}
