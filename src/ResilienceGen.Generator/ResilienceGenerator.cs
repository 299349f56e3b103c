using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ResilienceGen.Generator.Emitting;
using ResilienceGen.Generator.Model;
using ResilienceGen.Generator.Parsing;
using ResilienceGen.Validation;

namespace ResilienceGen.Generator
{
    /// <summary>
    /// Writes the implementing declaration of every [WithRetry] / [CircuitBreaker] / [WithTimeout] partial method:
    /// attribute syntax -> an equatable model per method -> one file per containing type.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ResilienceGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<MethodModel> retryMethods = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.WithRetryAttributeName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => MethodParser.Parse(ctx, MethodParser.Pipeline.Retry, ct))
                .WithTrackingName(TrackingNames.RetryMethods)
                .Where(static m => m is not null)
                .Select(static (m, _) => m!)
                .WithTrackingName(TrackingNames.FoundRetryMethods);

            IncrementalValuesProvider<MethodModel> breakerMethods = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.CircuitBreakerAttributeName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => MethodParser.Parse(ctx, MethodParser.Pipeline.Breaker, ct))
                .WithTrackingName(TrackingNames.BreakerMethods)
                .Where(static m => m is not null)
                .Select(static (m, _) => m!)
                .WithTrackingName(TrackingNames.FoundBreakerMethods);

            IncrementalValuesProvider<MethodModel> timeoutMethods = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.WithTimeoutAttributeName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => MethodParser.Parse(ctx, MethodParser.Pipeline.Timeout, ct))
                .WithTrackingName(TrackingNames.TimeoutMethods)
                .Where(static m => m is not null)
                .Select(static (m, _) => m!)
                .WithTrackingName(TrackingNames.FoundTimeoutMethods);

            IncrementalValueProvider<EquatableArray<TypeGroup>> typeGroups = retryMethods.Collect()
                .Combine(breakerMethods.Collect())
                .Combine(timeoutMethods.Collect())
                .Select(static (pair, _) => MethodGrouping.GroupByType(pair.Left.Left, pair.Left.Right, pair.Right))
                .WithTrackingName(TrackingNames.TypeGroups);

            IncrementalValuesProvider<TypeGroup> typeFiles = typeGroups
                .SelectMany(static (groups, _) => groups.AsImmutableArray())
                .WithTrackingName(TrackingNames.TypeFiles);

            // The wrappers implement extended partial methods, a C# 9 feature. Below C# 9 the compiler already
            // reports CS8370 (naming the fix) and CS8795 on the user's own declaration; an implementation from us
            // would only add a second CS8370 inside a generated file, so nothing is emitted there.
            IncrementalValueProvider<bool> languageHasExtendedPartialMethods = context.ParseOptionsProvider
                .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 });

            context.RegisterSourceOutput(typeFiles.Combine(languageHasExtendedPartialMethods), static (output, file) =>
            {
                if (file.Right)
                {
                    output.AddSource(file.Left.Type.HintName, TypeFileEmitter.Emit(file.Left));
                }
            });
        }
    }
}
