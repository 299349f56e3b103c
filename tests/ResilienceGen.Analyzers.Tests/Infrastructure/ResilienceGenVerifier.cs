using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// The library's usual verifier shape (<c>CSharpCodeFixVerifier&lt;TAnalyzer, TCodeFix&gt;</c>) for ResilienceGen's one
/// analyzer: every call runs a <see cref="ResilienceGenTest{TCodeFix}"/>.
/// </summary>
public static class ResilienceGenVerifier
{
    /// <summary>An expected diagnostic of ours, with the descriptor (severity, message format) the analyzer declares.</summary>
    public static DiagnosticResult Diagnostic(string id)
        => CSharpAnalyzerVerifier<ResilientMethodAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>
    /// Runs the build over <paramref name="source"/> (markup such as <c>{|RG0011:GetAsync|}</c> or <c>{|#0:GetAsync|}</c>)
    /// and asserts it reports exactly the marked and <paramref name="expected"/> diagnostics, compiler errors included.
    /// </summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new ResilienceGenTest<EmptyCodeFixProvider> { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// As <see cref="VerifyAnalyzerAsync"/>, but the compiler's warnings count too: the whole build, generator output
    /// included, reports exactly the expected diagnostics, as a project with TreatWarningsAsErrors would see it.
    /// </summary>
    public static Task VerifyWholeBuildAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new ResilienceGenTest<EmptyCodeFixProvider> { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.Warnings };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Applies <typeparamref name="TCodeFix"/> to <paramref name="source"/> (and its fix-all, where the provider has
    /// one) and asserts the result is <paramref name="fixedSource"/> with no diagnostic and no compiler error left.
    /// </summary>
    public static Task VerifyCodeFixAsync<TCodeFix>(string source, DiagnosticResult[] expected, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new ResilienceGenTest<TCodeFix> { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <inheritdoc cref="VerifyCodeFixAsync{TCodeFix}(string, DiagnosticResult[], string)"/>
    public static Task VerifyCodeFixAsync<TCodeFix>(string source, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
        => VerifyCodeFixAsync<TCodeFix>(source, Array.Empty<DiagnosticResult>(), fixedSource);
}
