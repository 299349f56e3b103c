using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// A reference point, not a product: the least any generator built on <c>ForAttributeWithMetadataName</c> pays
/// for ResilienceGen's input. It finds the same two attributes on the same 2,000 methods, takes the symbol
/// Roslyn hands it and counts the attribute's arguments, and writes one tiny file. Whatever ResilienceGen costs
/// beyond this is its own parsing, validation and emitting.
/// Created directly by the benchmark, so it carries no [Generator] attribute: it is never loaded as an analyzer.
/// </summary>
internal sealed class AttributeLookupFloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<string> retry = context.SyntaxProvider.ForAttributeWithMetadataName(
            "ResilienceGen.WithRetryAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            static (attributed, _) => attributed.TargetSymbol.Name + attributed.Attributes[0].NamedArguments.Length);
        IncrementalValuesProvider<string> breaker = context.SyntaxProvider.ForAttributeWithMetadataName(
            "ResilienceGen.CircuitBreakerAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            static (attributed, _) => attributed.TargetSymbol.Name + attributed.Attributes[0].NamedArguments.Length);
        context.RegisterSourceOutput(
            retry.Collect().Combine(breaker.Collect()),
            static (output, found) => output.AddSource(
                "Floor.g.cs",
                $"// {found.Left.Length} [WithRetry] and {found.Right.Length} [CircuitBreaker] methods"));
    }
}
