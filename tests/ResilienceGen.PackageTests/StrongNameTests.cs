using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ResilienceGen.PackageTests;

/// <summary>
/// Every assembly the packages ship is strong-name signed with the repository's key (issue 13), so a signed
/// consumer references them without CS8002 and the public key token stays the same from one version to the next.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class StrongNameTests(PackedPackage package)
{
    // The token of build/ResilienceGen.snk: changing the key would break every signed consumer's binding.
    private const string PublicKeyToken = "dbbfc19ba06e4fd6";

    [Theory]
    [InlineData("ResilienceGen", "lib/netstandard2.0/ResilienceGen.dll")]
    [InlineData("ResilienceGen", "lib/net8.0/ResilienceGen.dll")]
    [InlineData("ResilienceGen", "analyzers/dotnet/cs/ResilienceGen.Generator.dll")]
    [InlineData("ResilienceGen", "analyzers/dotnet/cs/ResilienceGen.Analyzers.dll")]
    [InlineData("ResilienceGen", "analyzers/dotnet/cs/ResilienceGen.CodeFixes.dll")]
    [InlineData("ResilienceGen.Configuration", "lib/netstandard2.0/ResilienceGen.Configuration.dll")]
    [InlineData("ResilienceGen.Configuration", "lib/net8.0/ResilienceGen.Configuration.dll")]
    [InlineData("ResilienceGen.Hosting", "lib/netstandard2.0/ResilienceGen.Hosting.dll")]
    [InlineData("ResilienceGen.Hosting", "lib/net8.0/ResilienceGen.Hosting.dll")]
    [InlineData("ResilienceGen.Redis", "lib/netstandard2.0/ResilienceGen.Redis.dll")]
    [InlineData("ResilienceGen.Redis", "lib/net8.0/ResilienceGen.Redis.dll")]
    public void Shipped_assembly_is_signed_with_the_repository_key(string packageId, string entry)
    {
        using var pe = NupkgAssembly.Open(package.NupkgPathOf(packageId), entry);

        Assert.True(pe.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.StrongNameSigned), $"{entry} carries no strong-name signature");
        Assert.NotEqual(0, pe.PEHeaders.CorHeader.StrongNameSignatureDirectory.Size);
        var name = pe.GetMetadataReader().GetAssemblyDefinition().GetAssemblyName();
        Assert.Equal(PublicKeyToken, Convert.ToHexStringLower(name.GetPublicKeyToken() ?? []));
    }
}
