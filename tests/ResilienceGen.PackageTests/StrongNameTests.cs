using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ResilienceGen.PackageTests;

/// <summary>
/// Every assembly the two packages ship is strong-name signed with the repository's key (issue 13), so a signed
/// consumer references them without CS8002 and the public key token stays the same from one version to the next.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class StrongNameTests(PackedPackage package)
{
    // The token of build/ResilienceGen.snk: changing the key would break every signed consumer's binding.
    private const string PublicKeyToken = "dbbfc19ba06e4fd6";

    [Theory]
    [InlineData(false, "lib/netstandard2.0/ResilienceGen.dll")]
    [InlineData(false, "lib/net8.0/ResilienceGen.dll")]
    [InlineData(false, "analyzers/dotnet/cs/ResilienceGen.Generator.dll")]
    [InlineData(false, "analyzers/dotnet/cs/ResilienceGen.Analyzers.dll")]
    [InlineData(false, "analyzers/dotnet/cs/ResilienceGen.CodeFixes.dll")]
    [InlineData(true, "lib/netstandard2.0/ResilienceGen.Configuration.dll")]
    [InlineData(true, "lib/net8.0/ResilienceGen.Configuration.dll")]
    public void Shipped_assembly_is_signed_with_the_repository_key(bool inConfigurationPackage, string entry)
    {
        using var pe = NupkgAssembly.Open(inConfigurationPackage ? package.ConfigurationNupkgPath : package.NupkgPath, entry);

        Assert.True(pe.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.StrongNameSigned), $"{entry} carries no strong-name signature");
        Assert.NotEqual(0, pe.PEHeaders.CorHeader.StrongNameSignatureDirectory.Size);
        var name = pe.GetMetadataReader().GetAssemblyDefinition().GetAssemblyName();
        Assert.Equal(PublicKeyToken, Convert.ToHexStringLower(name.GetPublicKeyToken() ?? []));
    }
}
