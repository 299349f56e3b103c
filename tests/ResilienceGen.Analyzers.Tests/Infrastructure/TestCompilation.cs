using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// In-memory compilations the way a user project sees ResilienceGen: .NET 8 reference assemblies,
/// the runtime assembly (the attributes) and its logging dependency.
/// </summary>
public static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    public static IReadOnlyList<MetadataReference> References { get; } = BuildReferences();

    public static CSharpCompilation Create(params string[] sources)
        => CSharpCompilation.Create(
            "UserProject",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References,
            Options);

    private static IReadOnlyList<MetadataReference> BuildReferences()
    {
        var references = new List<MetadataReference>(Net80.References.All);
        references.Add(MetadataReference.CreateFromFile(typeof(ResilienceGen.WithRetryAttribute).Assembly.Location));
        references.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location));
        return references;
    }
}
