using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Verifiers;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// Overloads share their method's name (Namespace.Type.Method) and so its default breaker name: two overloads with
/// different breaker settings get an RG0010 that says how to tell them apart; named breakers get the usual advice.
/// </summary>
public class OverloadBreakerNameTests
{
    private const string OverloadsAdvice = "overloads share their method's name and so its default breaker name: give each overload's breaker a name of its own ([CircuitBreaker(\"...\")]), or the same settings";

    private static string InClient(string members) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Demo;

        public partial class Client
        {
        {{members}}
        }
        """;

    [Fact]
    public async Task Overloads_with_the_default_name_are_told_to_name_their_breakers()
    {
        var test = new StandardAnalyzerTest<ResilientMethodAnalyzer>
        {
            TestCode = InClient("""
                    [{|#0:CircuitBreaker(FailureThreshold = 3)|}]
                    public partial Task GetAsync(string id, CancellationToken cancellationToken);
                    private Task GetCoreAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

                    [{|#1:CircuitBreaker|}]
                    public partial Task GetAsync(int id, CancellationToken cancellationToken);
                    private Task GetCoreAsync(int id, CancellationToken cancellationToken) => Task.CompletedTask;
                """),
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.BreakerSettingsConflict).WithLocation(0)
            .WithArguments("Demo.Client.GetAsync", "FailureThreshold = 3", "FailureThreshold = 5", "Demo.Client.GetAsync(int, System.Threading.CancellationToken)", OverloadsAdvice));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.BreakerSettingsConflict).WithLocation(1)
            .WithArguments("Demo.Client.GetAsync", "FailureThreshold = 5", "FailureThreshold = 3", "Demo.Client.GetAsync(string, System.Threading.CancellationToken)", OverloadsAdvice));

        await test.RunAsync();
    }

    [Fact]
    public async Task Overloads_whose_breakers_are_named_apart_raise_nothing()
    {
        var test = new StandardAnalyzerTest<ResilientMethodAnalyzer>
        {
            TestCode = InClient("""
                    [CircuitBreaker("get-by-key", FailureThreshold = 3)]
                    public partial Task GetAsync(string id, CancellationToken cancellationToken);
                    private Task GetCoreAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

                    [CircuitBreaker("get-by-number")]
                    public partial Task GetAsync(int id, CancellationToken cancellationToken);
                    private Task GetCoreAsync(int id, CancellationToken cancellationToken) => Task.CompletedTask;
                """),
        };

        await test.RunAsync();
    }
}
