using Microsoft.CodeAnalysis.Testing;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// RG0011 says what a missing token costs the method it is on (retries and delays, or a breaker that cannot tell a
/// cancellation from a failure), and is not raised where the parameters are fixed by a base method or an interface.
/// </summary>
public class NoCancellationTokenTests
{
    /// <summary>Client with <paramref name="members"/> and <paramref name="bases"/>, beside an interface and a base class whose SaveAsync takes no token.</summary>
    private static string Client(string members, string bases = "") => InNamespace($$"""
        public interface IStore
        {
            Task SaveAsync(string key);
        }

        public abstract class StoreBase
        {
            public abstract Task SaveAsync(string key);
        }

        public partial class Client{{bases}}
        {
        {{members}}
        }
        """);

    private static DiagnosticResult Rg0011(string method, string reason)
        => Diagnostic("RG0011").WithLocation(0).WithArguments(method, reason);

    [Fact]
    public Task A_retrying_method_is_told_its_retries_and_delays_cannot_be_cancelled()
        => VerifyAnalyzerAsync(Client("""
                [WithRetry]
                [CircuitBreaker]
                public partial Task {|#0:SaveAsync|}(string key);
                private Task SaveCoreAsync(string key) => Task.CompletedTask;
            """), Rg0011("SaveAsync", "its retries and delays cannot be cancelled"));

    [Fact]
    public Task A_breaker_only_method_is_told_about_its_breaker_not_about_delays_it_does_not_have()
        => VerifyAnalyzerAsync(Client("""
                [CircuitBreaker]
                public partial Task {|#0:SaveAsync|}(string key);
                private Task SaveCoreAsync(string key) => Task.CompletedTask;
            """), Rg0011("SaveAsync", "callers cannot cancel it and its breaker cannot tell a cancellation from a failure"));

    [Fact]
    public Task Not_raised_on_an_implicit_interface_implementation()
        => VerifyAnalyzerAsync(Client("""
                [WithRetry]
                public partial Task SaveAsync(string key);
                private Task SaveCoreAsync(string key) => Task.CompletedTask;
            """, " : IStore"));

    [Fact]
    public Task Not_raised_on_an_override()
        => VerifyAnalyzerAsync(Client("""
                [WithRetry]
                public override partial Task SaveAsync(string key);
                private Task SaveCoreAsync(string key) => Task.CompletedTask;
            """, " : StoreBase"));

    [Fact]
    public Task Still_raised_on_a_same_named_method_that_implements_nothing()
        => VerifyAnalyzerAsync(Client("""
                [WithRetry]
                public partial Task {|#0:SaveAsync|}(int key);
                private Task SaveCoreAsync(int key) => Task.CompletedTask;
                public Task SaveAsync(string key) => Task.CompletedTask;
            """, " : IStore"), Rg0011("SaveAsync", "its retries and delays cannot be cancelled"));
}
