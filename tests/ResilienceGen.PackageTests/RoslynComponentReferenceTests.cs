using System.Reflection.Metadata;

namespace ResilienceGen.PackageTests;

/// <summary>
/// What the shipped Roslyn components ask of the compiler that loads them: Roslyn no newer than 4.14 (so they load in
/// .NET 9.0.300+ and .NET 10 SDKs), and Workspaces only in the code fixes (the command-line compiler has none).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class RoslynComponentReferenceTests(PackedPackage package)
{
    private static readonly Version NewestRoslyn = new(4, 14, 0, 0);

    [Theory]
    [InlineData("ResilienceGen.Generator.dll")]
    [InlineData("ResilienceGen.Analyzers.dll")]
    [InlineData("ResilienceGen.CodeFixes.dll")]
    public void Roslyn_references_are_no_newer_than_the_shipped_version(string component)
    {
        var roslyn = References(component).Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.True(r.Version <= NewestRoslyn, $"{component} references {r.Name} {r.Version}"));
    }

    [Theory]
    [InlineData("ResilienceGen.Generator.dll")]
    [InlineData("ResilienceGen.Analyzers.dll")]
    public void Generator_and_analyzers_do_not_reference_workspaces(string component)
    {
        Assert.DoesNotContain(References(component), r => r.Name.Contains("Workspaces", StringComparison.Ordinal));
    }

    private List<(string Name, Version Version)> References(string component)
    {
        using var pe = NupkgAssembly.Open(package.NupkgPath, $"analyzers/dotnet/cs/{component}");
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (metadata.GetString(reference.Name), reference.Version))
            .ToList();
    }
}
