using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// What a user project of ResilienceGen compiles against: .NET 8 reference assemblies, the runtime assembly (the
/// attributes) and its logging dependency; C# latest with nullable reference types on. One place for every test here.
/// </summary>
public static class UserProject
{
    public static ReferenceAssemblies ReferenceAssemblies { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>The runtime and its logging abstractions, as loaded by this test process.</summary>
    public static ImmutableArray<MetadataReference> RuntimeReferences { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(ResilienceGen.WithRetryAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>Every reference of the project: the resolved reference assemblies plus <see cref="RuntimeReferences"/>.</summary>
    public static async Task<ImmutableArray<MetadataReference>> AllReferencesAsync(CancellationToken cancellationToken = default)
        => (await ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, cancellationToken)).AddRange(RuntimeReferences);
}
