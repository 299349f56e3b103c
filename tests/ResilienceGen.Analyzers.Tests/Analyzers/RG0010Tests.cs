using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0010Tests
{
    private static string TwoBreakers(string first, string second) => InClient($$"""
        {{first}}
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        {{second}}
        public partial Task PutAsync(CancellationToken cancellationToken);
        private Task PutCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """);

    [Fact]
    public Task Raised_on_each_declaration_of_a_shared_name_with_different_settings()
        => VerifyAnalyzerAsync(
            TwoBreakers(
                "[CircuitBreaker({|#0:\"inventory\"|}, FailureThreshold = 5)]",
                "[CircuitBreaker({|#1:Name = \"inventory\"|}, FailureThreshold = 3)]"),
            Diagnostic("RG0010").WithLocation(0)
                .WithArguments("inventory", "FailureThreshold = 5", "FailureThreshold = 3", "Demo.Client.PutAsync(System.Threading.CancellationToken)", "use the same settings everywhere, or different names"),
            Diagnostic("RG0010").WithLocation(1)
                .WithArguments("inventory", "FailureThreshold = 3", "FailureThreshold = 5", "Demo.Client.GetAsync(System.Threading.CancellationToken)", "use the same settings everywhere, or different names"));

    [Fact]
    public Task Keyed_breakers_of_one_base_name_are_compared_too_MaxKeys_included()
        => VerifyAnalyzerAsync(
            InClient("""
                [CircuitBreaker({|#0:"hosts"|}, KeyBy = "endpoint.Host", MaxKeys = 10)]
                public partial Task GetAsync(Uri endpoint, CancellationToken cancellationToken);
                private Task GetCoreAsync(Uri endpoint, CancellationToken cancellationToken) => Task.CompletedTask;

                [CircuitBreaker({|#1:"hosts"|}, KeyBy = "endpoint.Host")]
                public partial Task PutAsync(Uri endpoint, CancellationToken cancellationToken);
                private Task PutCoreAsync(Uri endpoint, CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            Diagnostic("RG0010").WithLocation(0)
                .WithArguments("hosts", "MaxKeys = 10", "MaxKeys = 1000", "Demo.Client.PutAsync(System.Uri, System.Threading.CancellationToken)", "use the same settings everywhere, or different names"),
            Diagnostic("RG0010").WithLocation(1)
                .WithArguments("hosts", "MaxKeys = 1000", "MaxKeys = 10", "Demo.Client.GetAsync(System.Uri, System.Threading.CancellationToken)", "use the same settings everywhere, or different names"));

    [Fact]
    public Task Not_raised_for_keyed_breakers_of_one_base_name_with_the_same_settings()
        => VerifyAnalyzerAsync(InClient("""
            [CircuitBreaker("hosts", KeyBy = "endpoint.Host", FailureThreshold = 3)]
            public partial Task GetAsync(Uri endpoint, CancellationToken cancellationToken);
            private Task GetCoreAsync(Uri endpoint, CancellationToken cancellationToken) => Task.CompletedTask;

            [CircuitBreaker("hosts", KeyBy = "endpoint.Authority", FailureThreshold = 3)]
            public partial Task PutAsync(Uri endpoint, CancellationToken cancellationToken);
            private Task PutCoreAsync(Uri endpoint, CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public async Task Raised_across_types_and_files()
    {
        var test = new ResilienceGenTest<EmptyCodeFixProvider>
        {
            TestState =
            {
                Sources =
                {
                    InNamespace("""
                        public partial class Orders
                        {
                            [CircuitBreaker({|#0:"shared"|}, BreakDurationMs = 1000)]
                            public partial Task GetAsync(CancellationToken cancellationToken);
                            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                        }
                        """),
                    InNamespace("""
                        public partial class Payments
                        {
                            [CircuitBreaker({|#1:"shared"|})]
                            public partial Task PayAsync(CancellationToken cancellationToken);
                            private Task PayCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                        }
                        """),
                },
                ExpectedDiagnostics =
                {
                    Diagnostic("RG0010").WithLocation(0)
                        .WithArguments("shared", "BreakDurationMs = 1000", "BreakDurationMs = 30000", "Demo.Payments.PayAsync(System.Threading.CancellationToken)", "use the same settings everywhere, or different names"),
                    Diagnostic("RG0010").WithLocation(1)
                        .WithArguments("shared", "BreakDurationMs = 30000", "BreakDurationMs = 1000", "Demo.Orders.GetAsync(System.Threading.CancellationToken)", "use the same settings everywhere, or different names"),
                },
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public Task Not_raised_when_the_settings_agree_with_defaults_spelled_out()
        => VerifyAnalyzerAsync(TwoBreakers(
            "[CircuitBreaker(\"inventory\", FailureThreshold = 5)]",
            "[CircuitBreaker(\"inventory\")]"));

    [Fact]
    public Task Not_raised_for_different_names()
        => VerifyAnalyzerAsync(TwoBreakers(
            "[CircuitBreaker(FailureThreshold = 5)]",
            "[CircuitBreaker(FailureThreshold = 3)]"));

    [Fact]
    public Task Not_raised_when_only_the_exception_filters_differ()
        => VerifyAnalyzerAsync(TwoBreakers(
            "[CircuitBreaker(\"inventory\", Handle = [typeof(TimeoutException)])]",
            "[CircuitBreaker(\"inventory\")]"));
}
