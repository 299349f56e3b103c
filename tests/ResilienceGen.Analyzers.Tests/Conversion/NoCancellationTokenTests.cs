using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Verifiers;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// RG0011 says what a missing token costs the method it is on (retries and delays, or a breaker that cannot tell a
/// cancellation from a failure), and is not raised where the parameters are fixed by a base method or an interface.
/// </summary>
public class NoCancellationTokenTests
{
    private static string InClient(string members, string bases = "") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Demo;

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
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new StandardAnalyzerTest<ResilientMethodAnalyzer> { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Rg0011(string method, string reason)
        => new DiagnosticResult(Descriptors.NoCancellationToken).WithLocation(0).WithArguments(method, reason);

    [Fact]
    public Task A_retrying_method_is_told_its_retries_and_delays_cannot_be_cancelled()
        => VerifyAsync(InClient("""
                [WithRetry]
                [CircuitBreaker]
                public partial Task {|#0:SaveAsync|}(string key);
                private Task SaveCoreAsync(string key) => Task.CompletedTask;
            """), Rg0011("SaveAsync", "its retries and delays cannot be cancelled"));

    [Fact]
    public Task A_breaker_only_method_is_told_about_its_breaker_not_about_delays_it_does_not_have()
        => VerifyAsync(InClient("""
                [CircuitBreaker]
                public partial Task {|#0:SaveAsync|}(string key);
                private Task SaveCoreAsync(string key) => Task.CompletedTask;
            """), Rg0011("SaveAsync", "callers cannot cancel it and its breaker cannot tell a cancellation from a failure"));

    [Fact]
    public Task Not_raised_on_an_implicit_interface_implementation()
        => VerifyAsync(InClient("""
                [WithRetry]
                public partial Task SaveAsync(string key);
                private Task SaveCoreAsync(string key) => Task.CompletedTask;
            """, " : IStore"));

    [Fact]
    public Task Not_raised_on_an_override()
        => VerifyAsync(InClient("""
                [WithRetry]
                public override partial Task SaveAsync(string key);
                private Task SaveCoreAsync(string key) => Task.CompletedTask;
            """, " : StoreBase"));

    [Fact]
    public Task Still_raised_on_a_same_named_method_that_implements_nothing()
        => VerifyAsync(InClient("""
                [WithRetry]
                public partial Task {|#0:SaveAsync|}(int key);
                private Task SaveCoreAsync(int key) => Task.CompletedTask;
                public Task SaveAsync(string key) => Task.CompletedTask;
            """, " : IStore"), Rg0011("SaveAsync", "its retries and delays cannot be cancelled"));
}
