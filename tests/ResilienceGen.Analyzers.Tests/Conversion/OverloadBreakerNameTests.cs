using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// Overloads share their method's name (Namespace.Type.Method) and so its default breaker name: two overloads with
/// different breaker settings get an RG0010 that says how to tell them apart; named breakers get the usual advice.
/// </summary>
public class OverloadBreakerNameTests
{
    private const string OverloadsAdvice = "overloads share their method's name and so its default breaker name: give each overload's breaker a name of its own ([CircuitBreaker(\"...\")]), or the same settings";

    [Fact]
    public Task Overloads_with_the_default_name_are_told_to_name_their_breakers()
        => VerifyAnalyzerAsync(
            InClient("""
                [{|#0:CircuitBreaker(FailureThreshold = 3)|}]
                public partial Task GetAsync(string id, CancellationToken cancellationToken);
                private Task GetCoreAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

                [{|#1:CircuitBreaker|}]
                public partial Task GetAsync(int id, CancellationToken cancellationToken);
                private Task GetCoreAsync(int id, CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            Diagnostic("RG0010").WithLocation(0)
                .WithArguments("Demo.Client.GetAsync", "FailureThreshold = 3", "FailureThreshold = 5", "Demo.Client.GetAsync(int, System.Threading.CancellationToken)", OverloadsAdvice),
            Diagnostic("RG0010").WithLocation(1)
                .WithArguments("Demo.Client.GetAsync", "FailureThreshold = 5", "FailureThreshold = 3", "Demo.Client.GetAsync(string, System.Threading.CancellationToken)", OverloadsAdvice));

    [Fact]
    public Task Overloads_whose_breakers_are_named_apart_raise_nothing()
        => VerifyAnalyzerAsync(InClient("""
            [CircuitBreaker("get-by-key", FailureThreshold = 3)]
            public partial Task GetAsync(string id, CancellationToken cancellationToken);
            private Task GetCoreAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

            [CircuitBreaker("get-by-number")]
            public partial Task GetAsync(int id, CancellationToken cancellationToken);
            private Task GetCoreAsync(int id, CancellationToken cancellationToken) => Task.CompletedTask;
            """));
}
