using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Suppressors;

/// <summary>
/// CA1822 (make static) and IDE0060 (remove unused parameter) would break a Core method's match with its declaration
/// (RG0004); IDE0060 would break a hook's fixed shape. The suppressor hides exactly those, and nothing on other methods.
/// </summary>
public class WrapperContractSuppressorTests
{
    /// <summary>A build of Client with <paramref name="members"/> where CA1822, IDE0060 and the suppressor run too.</summary>
    private static Task VerifyAsync(string members, params DiagnosticResult[] expected)
    {
        var test = new ResilienceGenTest<EmptyCodeFixProvider>
        {
            TestCode = InClient(members),
            OtherAnalyzers = { new WrapperContractSuppressor(), NetAnalyzersLoader.Ca1822, new UnusedParameterStandIn() },
        };
        // CA1822 is a suggestion by default; as a warning the harness sees it either way.
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.CA1822.severity = warning\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Ca1822(int location, bool suppressed)
        => new DiagnosticResult("CA1822", DiagnosticSeverity.Warning).WithLocation(location).WithIsSuppressed(suppressed);

    private static DiagnosticResult Ide0060(int location, bool suppressed)
        => new DiagnosticResult("IDE0060", DiagnosticSeverity.Warning).WithLocation(location).WithIsSuppressed(suppressed);

    [Fact]
    public Task Suppressed_on_a_Core_method_and_still_reported_on_an_ordinary_one()
        => VerifyAsync("""
            [WithRetry]
            public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken);

            private Task<int> {|#0:GetCoreAsync|}(string sku, CancellationToken {|#1:cancellationToken|}) => Task.FromResult(sku.Length);

            private int {|#2:Measure|}(string sku, int {|#3:unused|}) => sku.Length;
            """, Ca1822(0, true), Ide0060(1, true), Ca1822(2, false), Ide0060(3, false));

    [Fact]
    public Task A_hooks_unused_parameters_are_suppressed_but_not_its_advice_to_be_static()
        => VerifyAsync("""
            [WithRetry(OnRetry = nameof(Log))]
            public partial Task GetAsync(CancellationToken cancellationToken);

            private Task {|#0:GetCoreAsync|}(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);

            private void {|#1:Log|}(int {|#2:attempt|}, TimeSpan {|#3:delay|}, Exception exception) => Console.WriteLine(exception.Message);
            """, Ca1822(0, true), Ca1822(1, false), Ide0060(2, true), Ide0060(3, true));

    [Fact]
    public Task A_method_named_like_a_Core_method_of_nothing_is_not_suppressed()
        => VerifyAsync("""
            public Task GetAsync(CancellationToken cancellationToken) => GetCoreAsync(cancellationToken);

            private Task {|#0:GetCoreAsync|}(CancellationToken {|#1:cancellationToken|}) => Task.CompletedTask;
            """, Ca1822(0, false), Ide0060(1, false));
}
