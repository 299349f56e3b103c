using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Verifiers;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// What the README says about CLS-compliant assemblies: Handle/Ignore (Type[] arguments) give the compiler's CS3016 on
/// any method of the assembly; ShouldHandle does not, nor Handle on a method marked [CLSCompliant(false)].
/// </summary>
public class ClsComplianceTests
{
    private static StandardAnalyzerTest<ResilientMethodAnalyzer> Test(string members)
        => new()
        {
            TestCode = $$"""
                using System;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using ResilienceGen;

                [assembly: CLSCompliant(true)]

                namespace Demo;

                public partial class Client
                {
                {{members}}
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" }, // the harness asks for documentation comments; not what these tests are about
        };

    private static readonly DiagnosticResult Cs3016 = DiagnosticResult.CompilerWarning("CS3016").WithLocation(0);

    [Fact]
    public async Task Handle_on_a_public_method_gives_CS3016()
    {
        var test = Test("""
                [{|#0:WithRetry(Handle = [typeof(HttpRequestException)])|}]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """);
        test.ExpectedDiagnostics.Add(Cs3016);

        await test.RunAsync();
    }

    [Fact]
    public async Task ShouldHandle_is_the_CLS_friendly_form()
    {
        var test = Test("""
                [WithRetry(ShouldHandle = nameof(IsTransient))]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                private static bool IsTransient(Exception exception) => exception is HttpRequestException;
            """);

        await test.RunAsync();
    }

    [Fact]
    public async Task Handle_on_an_internal_method_still_gives_CS3016()
    {
        var test = Test("""
                [{|#0:WithRetry(Handle = [typeof(HttpRequestException)])|}]
                internal partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """);
        test.ExpectedDiagnostics.Add(Cs3016);

        await test.RunAsync();
    }

    [Fact]
    public async Task A_method_marked_not_CLS_compliant_may_use_Handle()
    {
        var test = Test("""
                [CLSCompliant(false)]
                [WithRetry(Handle = [typeof(HttpRequestException)])]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """);

        await test.RunAsync();
    }
}
