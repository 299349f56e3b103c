using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing's code-fix test set up as a build of a <see cref="UserProject"/>: ResilienceGen's
/// generator runs first and its output is compiled in, then <see cref="ResilientMethodAnalyzer"/> runs, so compiler
/// errors (included by default) are those of a real build. For analyzer-only tests use
/// <see cref="EmptyCodeFixProvider"/> (or <see cref="ResilienceGenVerifier"/>).
/// </summary>
public sealed class ResilienceGenTest<TCodeFix> : CSharpCodeFixTest<ResilientMethodAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public ResilienceGenTest()
    {
        ReferenceAssemblies = UserProject.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(UserProject.RuntimeReferences);

        // A user project without GenerateDocumentationFile: no CS1591 for the test's undocumented public members.
        TestState.DocumentationMode = DocumentationMode.Parse;

        // The generator's output is what the generator tests check against snapshots; here it only has to be there.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>
    /// Called with every compilation the test builds (sources plus generator output), for checks on what the
    /// generator wrote beside the diagnostics.
    /// </summary>
    public Action<Compilation>? CompilationCheck { get; init; }

    /// <summary>
    /// Analyzers and suppressors that run beside <see cref="ResilientMethodAnalyzer"/>, as other analyzers do in a
    /// user's build (the real CA1822, a stand-in for IDE0060, ResilienceGen's suppressor of both).
    /// </summary>
    public List<DiagnosticAnalyzer> OtherAnalyzers { get; } = new();

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => base.GetDiagnosticAnalyzers().Concat(OtherAnalyzers);

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(ResilienceGen.Generator.ResilienceGenerator) };

    protected override ParseOptions CreateParseOptions() => UserProject.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => UserProject.CompilationOptions;

    protected override async Task<(Compilation compilation, System.Collections.Immutable.ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(
        Project project, IVerifier verifier, CancellationToken cancellationToken)
    {
        var result = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
        CompilationCheck?.Invoke(result.compilation);
        return result;
    }
}
