using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Generator;

namespace ResilienceGen.Analyzers.Tests.Verifiers;

/// <summary>
/// The setup every test on Microsoft.CodeAnalysis.Testing shares: a project as a user's is, .NET 8 reference
/// assemblies plus the runtime (the attributes) and its logging dependency, with the generator running (so a fixed
/// declaration builds with no error, as it would in the user's project).
/// </summary>
internal static class StandardVerifier
{
    public static void Configure(AnalyzerTest<DefaultVerifier> test, LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(ResilienceGen.WithRetryAttribute).Assembly.Location));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location));
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(languageVersion);
            return solution.WithProjectParseOptions(projectId, parseOptions).AddAnalyzerReference(projectId, new GeneratorReference());
        });
    }

    /// <summary>The generator as an analyzer reference of the test project, as the package adds it.</summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        private static readonly ImmutableArray<ISourceGenerator> Generators = ImmutableArray.Create(new ResilienceGenerator().AsSourceGenerator());

        public override string FullPath => typeof(ResilienceGenerator).Assembly.Location;

        public override object Id => typeof(ResilienceGenerator).FullName!;

        public override string Display => "ResilienceGen.Generator";

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language)
            => language == LanguageNames.CSharp ? Generators : ImmutableArray<ISourceGenerator>.Empty;

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => Generators;
    }
}

/// <summary>An analyzer (or suppressor) test, with more analyzers beside it when a test needs them (CA1822's).</summary>
internal sealed class StandardAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public StandardAnalyzerTest(LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        StandardVerifier.Configure(this, languageVersion);
    }

    public List<DiagnosticAnalyzer> OtherAnalyzers { get; } = new();

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => base.GetDiagnosticAnalyzers().Concat(OtherAnalyzers);
}

/// <summary>A code fix test; the fixed code must build with no error, generator output included.</summary>
internal sealed class StandardCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public StandardCodeFixTest()
    {
        StandardVerifier.Configure(this);
    }
}
