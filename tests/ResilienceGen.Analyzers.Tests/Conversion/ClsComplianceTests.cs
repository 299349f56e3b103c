using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// What the README says about CLS-compliant assemblies: Handle/Ignore (Type[] arguments) give the compiler's CS3016 on
/// any method of the assembly; ShouldHandle does not, nor Handle on a method marked [CLSCompliant(false)].
/// </summary>
public class ClsComplianceTests
{
    // A second file of the project: an assembly attribute has to precede the namespace that InClient writes.
    private const string ClsCompliantAssembly = """
        global using System.Net.Http;

        [assembly: System.CLSCompliant(true)]
        """;

    private static readonly DiagnosticResult Cs3016 = DiagnosticResult.CompilerWarning("CS3016").WithLocation(0);

    /// <summary>The whole build, compiler warnings included, of a CLS-compliant assembly with <paramref name="members"/> in Client.</summary>
    private static Task VerifyAsync(string members, params DiagnosticResult[] expected)
    {
        var test = new ResilienceGenTest<EmptyCodeFixProvider>
        {
            TestState = { Sources = { InClient(members), ClsCompliantAssembly } },
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Handle_on_a_public_method_gives_CS3016()
        => VerifyAsync("""
            [{|#0:WithRetry(Handle = [typeof(HttpRequestException)])|}]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """, Cs3016);

    [Fact]
    public Task ShouldHandle_is_the_CLS_friendly_form()
        => VerifyAsync("""
            [WithRetry(ShouldHandle = nameof(IsTransient))]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private static bool IsTransient(Exception exception) => exception is HttpRequestException;
            """);

    [Fact]
    public Task Handle_on_an_internal_method_still_gives_CS3016()
        => VerifyAsync("""
            [{|#0:WithRetry(Handle = [typeof(HttpRequestException)])|}]
            internal partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """, Cs3016);

    [Fact]
    public Task A_method_marked_not_CLS_compliant_may_use_Handle()
        => VerifyAsync("""
            [CLSCompliant(false)]
            [WithRetry(Handle = [typeof(HttpRequestException)])]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """);
}
