using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>Reference sets for in-memory compilations of a consumer project.</summary>
internal static class References
{
    /// <summary>
    /// net8.0 reference assemblies plus the runtime (its net8.0 build, the one this test process loads) and the net8.0
    /// compile assets of its packages (logging abstractions), as a net8.0 consumer would see them.
    /// </summary>
    public static ImmutableArray<MetadataReference> Net80 { get; } =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ResilienceGen.Resilience).Assembly.Location))
            .Concat(PackageCompileAssets("net8.0").Select(path => MetadataReference.CreateFromFile(path)))
            .ToImmutableArray();

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetStandard20Lazy = new(LoadNetStandard20);

    /// <summary>
    /// netstandard2.0 reference assemblies plus the runtime's netstandard2.0 build (copied next to the tests by the
    /// project file) and the compile assets of its packages for that target, read from the runtime's project.assets.json.
    /// </summary>
    public static ImmutableArray<MetadataReference> NetStandard20 => NetStandard20Lazy.Value;

    private static ImmutableArray<MetadataReference> LoadNetStandard20()
    {
        string runtime = Path.Combine(AppContext.BaseDirectory, "netstandard2.0", "ResilienceGen.dll");
        if (!File.Exists(runtime))
        {
            throw new InvalidOperationException("The runtime's netstandard2.0 build was not copied to " + runtime);
        }

        var references = Basic.Reference.Assemblies.NetStandard20.References.All.Cast<MetadataReference>().ToList();
        references.Add(MetadataReference.CreateFromFile(runtime));
        references.AddRange(PackageCompileAssets("netstandard2.0").Select(path => MetadataReference.CreateFromFile(path)));
        return references.ToImmutableArray();
    }

    private static IEnumerable<string> PackageCompileAssets(string targetFramework)
    {
        string assetsFile = Path.Combine(RepoPaths.Root, "src", "ResilienceGen", "obj", "project.assets.json");
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        JsonElement root = assets.RootElement;
        string packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        JsonElement libraries = root.GetProperty("libraries");

        foreach (JsonProperty package in root.GetProperty("targets").GetProperty(targetFramework).EnumerateObject())
        {
            if (package.Value.GetProperty("type").GetString() != "package" || !package.Value.TryGetProperty("compile", out JsonElement compile))
            {
                continue;
            }

            string packagePath = libraries.GetProperty(package.Name).GetProperty("path").GetString()!;
            foreach (JsonProperty asset in compile.EnumerateObject())
            {
                if (asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    yield return Path.Combine(packageFolder, packagePath, asset.Name);
                }
            }
        }
    }
}
