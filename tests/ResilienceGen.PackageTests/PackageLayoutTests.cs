using System.IO.Compression;
using System.Xml.Linq;

namespace ResilienceGen.PackageTests;

/// <summary>The nupkg and snupkg, opened as the zip files they are: what goes where, and what the nuspec declares.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    private static readonly string[] RoslynComponents =
        ["ResilienceGen.Generator.dll", "ResilienceGen.Analyzers.dll", "ResilienceGen.CodeFixes.dll"];

    [Theory]
    [InlineData("netstandard2.0")]
    [InlineData("net8.0")]
    public void Runtime_and_its_xml_docs_are_in_lib_for_each_target(string framework)
    {
        var entries = EntryNames(package.NupkgPath);

        Assert.Contains($"lib/{framework}/ResilienceGen.dll", entries);
        Assert.Contains($"lib/{framework}/ResilienceGen.xml", entries);
    }

    [Fact]
    public void Lib_holds_nothing_but_the_runtime()
    {
        var libFiles = EntryNames(package.NupkgPath)
            .Where(name => name.StartsWith("lib/", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Distinct()
            .Order();

        Assert.Equal(["ResilienceGen.dll", "ResilienceGen.xml"], libFiles);
    }

    [Fact]
    public void Generator_analyzers_and_code_fixes_are_in_analyzers_dotnet_cs_and_nothing_else_is()
    {
        var analyzerFiles = EntryNames(package.NupkgPath)
            .Where(name => name.StartsWith("analyzers/", StringComparison.Ordinal))
            .Order();

        Assert.Equal(RoslynComponents.Select(dll => $"analyzers/dotnet/cs/{dll}").Order(), analyzerFiles);
    }

    [Fact]
    public void No_roslyn_or_other_third_party_assembly_is_shipped()
    {
        var assemblies = EntryNames(package.NupkgPath)
            .Where(name => name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFileName);

        Assert.All(assemblies, dll => Assert.StartsWith("ResilienceGen", dll, StringComparison.Ordinal));
    }

    // The floors (issue 13): the lowest versions that give the code what it uses, so an app on the 8.0
    // Microsoft.Extensions packages restores without a downgrade.
    [Fact]
    public void Runtime_dependencies_are_declared_per_target_at_their_floors_and_the_roslyn_components_are_not_dependencies()
    {
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["net8.0"] = ["Microsoft.Extensions.Logging.Abstractions 8.0.0"],
                [".NETStandard2.0"] =
                [
                    "Microsoft.Bcl.TimeProvider 8.0.1",
                    "Microsoft.Extensions.Logging.Abstractions 8.0.0",
                    "System.Diagnostics.DiagnosticSource 8.0.0",
                ],
            },
            DependenciesByTarget(package.NupkgPath));
    }

    [Fact]
    public void Configuration_package_depends_on_the_runtime_and_the_80_configuration_abstractions()
    {
        string[] expected = [$"Microsoft.Extensions.Configuration.Abstractions 8.0.0", $"ResilienceGen {package.Version}"];

        Assert.Equal(
            new Dictionary<string, string[]> { ["net8.0"] = expected, [".NETStandard2.0"] = expected },
            DependenciesByTarget(package.ConfigurationNupkgPath));
    }

    [Fact]
    public void Redis_package_depends_on_the_runtime_the_hosting_package_and_StackExchange_Redis()
    {
        // System.IO.Hashing is named beside StackExchange.Redis 3.x, which needs 10.0.2 or newer of it.
        string[] expected =
        [
            $"ResilienceGen {package.Version}",
            $"ResilienceGen.Hosting {package.Version}",
            "StackExchange.Redis 3.4.35",
            "System.IO.Hashing 10.0.13",
        ];

        Assert.Equal(
            new Dictionary<string, string[]> { ["net8.0"] = [.. expected.Order()], [".NETStandard2.0"] = [.. expected.Order()] },
            DependenciesByTarget(package.RedisNupkgPath));
    }

    [Fact]
    public void Nuspec_has_id_version_license_expression_readme_and_repository()
    {
        var nuspec = Nuspec();
        var ns = nuspec.Name.Namespace;
        var metadata = nuspec.Element(ns + "metadata")!;

        Assert.Equal("ResilienceGen", (string?)metadata.Element(ns + "id"));
        Assert.Equal(package.Version, (string?)metadata.Element(ns + "version"));

        var license = metadata.Element(ns + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);

        var readme = (string?)metadata.Element(ns + "readme");
        Assert.Equal("README.md", readme);
        Assert.Contains("README.md", EntryNames(package.NupkgPath));

        var repository = metadata.Element(ns + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "description")));
    }

    [Fact]
    public void Package_readme_is_the_repository_readme()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")), reader.ReadToEnd());
    }

    [Fact]
    public void Symbols_package_holds_the_runtime_pdb_for_each_target()
    {
        Assert.True(File.Exists(package.SnupkgPath), $"no symbols package at {package.SnupkgPath}");
        var entries = EntryNames(package.SnupkgPath);

        Assert.Contains("lib/netstandard2.0/ResilienceGen.pdb", entries);
        Assert.Contains("lib/net8.0/ResilienceGen.pdb", entries);
    }

    private static List<string> EntryNames(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.Select(entry => entry.FullName).ToList();
    }

    // "id version" of each dependency, per target framework group of the nuspec.
    private static Dictionary<string, string[]> DependenciesByTarget(string nupkgPath)
    {
        var nuspec = Nuspec(nupkgPath);
        var ns = nuspec.Name.Namespace;
        return nuspec.Descendants(ns + "group").ToDictionary(
            group => (string)group.Attribute("targetFramework")!,
            group => group.Elements(ns + "dependency")
                .Select(d => $"{(string)d.Attribute("id")!} {(string)d.Attribute("version")!}")
                .Order()
                .ToArray());
    }

    private XElement Nuspec() => Nuspec(package.NupkgPath);

    private static XElement Nuspec(string nupkgPath)
    {
        using var zip = ZipFile.OpenRead(nupkgPath);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!;
    }
}
