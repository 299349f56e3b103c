using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Drives ResilienceGen's analyzer (and optionally its generator first, as a build does) over a compilation:
/// the small part of Microsoft.CodeAnalysis.Testing these tests need.
/// </summary>
public static class AnalyzerRun
{
    /// <summary>The analyzer's own diagnostics (no compiler ones), after the generator ran.</summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(params string[] sources)
        => Run(TestCompilation.Create(sources), includeCompilerDiagnostics: false).Diagnostics;

    /// <summary>Everything a build reports: the generator's output compiled in, compiler and analyzer diagnostics.</summary>
    public static ImmutableArray<Diagnostic> AllDiagnostics(params string[] sources)
        => Run(TestCompilation.Create(sources), includeCompilerDiagnostics: true).Diagnostics;

    /// <summary>Only the errors of a whole build (generator included).</summary>
    public static ImmutableArray<Diagnostic> Errors(params string[] sources)
        => AllDiagnostics(sources).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public static Result Run(Compilation compilation, bool includeCompilerDiagnostics, CancellationToken cancellationToken = default)
    {
        var generated = RunGenerator(compilation, out var generatorDiagnostics);
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ResilientMethodAnalyzer()), options);
        var diagnostics = includeCompilerDiagnostics
            ? withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult()
            : withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        return new Result(generated, diagnostics.AddRange(generatorDiagnostics), exceptions);
    }

    /// <summary>Runs ResilienceGen's generator the way the compiler does and returns the compilation with its output.</summary>
    public static Compilation RunGenerator(Compilation compilation, out ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new ISourceGenerator[] { new ResilienceGen.Generator.ResilienceGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out generatorDiagnostics);
        return output;
    }

    public sealed record Result(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> AnalyzerExceptions);
}
