using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class AddCoreMethodStubCodeFixTests
{
    [Fact]
    public Task Adds_a_private_stub_with_the_declarations_signature()
        => VerifyCodeFixAsync<AddCoreMethodStubCodeFix>(
            InClient("""
                [WithRetry]
                public partial Task<int> {|RG0003:GetStockAsync|}(string sku, CancellationToken cancellationToken = default);
                """),
            InClient("""
                [WithRetry]
                public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken = default);

                private Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken = default)
                {
                    throw new System.NotImplementedException();
                }
                """));

    [Fact]
    public Task Keeps_static_type_parameters_constraints_and_keyword_names()
        => VerifyCodeFixAsync<AddCoreMethodStubCodeFix>(
            InClient("""
                [CircuitBreaker]
                public static partial ValueTask<T?> {|RG0003:Find|}<T>(string @event, CancellationToken cancellationToken) where T : class, new();
                """),
            InClient("""
                [CircuitBreaker]
                public static partial ValueTask<T?> Find<T>(string @event, CancellationToken cancellationToken) where T : class, new();

                private static ValueTask<T?> FindCore<T>(string @event, CancellationToken cancellationToken) where T : class, new()
                {
                    throw new System.NotImplementedException();
                }
                """));

    [Fact]
    public Task Fix_all_adds_every_missing_core_method()
        => new ResilienceGenTest<AddCoreMethodStubCodeFix>
        {
            TestCode = InClient("""
                [WithRetry]
                public partial Task {|RG0003:GetAsync|}(CancellationToken cancellationToken);
                [WithRetry]
                public partial Task {|RG0003:PutAsync|}(string value, CancellationToken cancellationToken);
                """),
            FixedCode = InClient("""
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken);

                private Task GetCoreAsync(CancellationToken cancellationToken)
                {
                    throw new System.NotImplementedException();
                }

                [WithRetry]
                public partial Task PutAsync(string value, CancellationToken cancellationToken);

                private Task PutCoreAsync(string value, CancellationToken cancellationToken)
                {
                    throw new System.NotImplementedException();
                }
                """),
            NumberOfFixAllIterations = 1,
        }.RunAsync();
}
