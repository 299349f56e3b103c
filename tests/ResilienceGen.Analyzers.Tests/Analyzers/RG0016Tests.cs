using Microsoft.CodeAnalysis;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0016Tests
{
    [Theory]
    [InlineData("[WithTimeout(AttemptMs = 1000)]")]
    [InlineData("[WithTimeout(TotalMs = 60000)] [WithRetry]")]
    [InlineData("[WithTimeout(AttemptMs = 1000)] [CircuitBreaker]")]
    public Task Raised_as_an_error_on_the_method_name_instead_of_RG0011(string attributes)
        => VerifyAnalyzerAsync(InClient($$"""
            {{attributes}}
            public partial Task<int> {|#0:GetAsync|}(string sku);
            private Task<int> GetCoreAsync(string sku) => Task.FromResult(1);
            """), Diagnostic("RG0016").WithSeverity(DiagnosticSeverity.Error).WithLocation(0).WithArguments("GetAsync"));

    [Theory]
    [InlineData("CancellationToken cancellationToken")]
    [InlineData("string sku, CancellationToken token = default")]
    [InlineData("CancellationToken ct, int count")]
    public Task Not_raised_with_a_token_anywhere(string parameters)
        => VerifyAnalyzerAsync(InClient($$"""
            [WithTimeout(AttemptMs = 1000)]
            public partial Task GetAsync({{parameters}});
            private Task GetCoreAsync({{parameters}}) => Task.CompletedTask;
            """));

    [Fact]
    public Task Near_miss_a_token_in_an_array_does_not_count()
        => VerifyAnalyzerAsync(InClient("""
            [WithTimeout(AttemptMs = 1000)]
            public partial Task {|RG0016:GetAsync|}(CancellationToken[] tokens);
            private Task GetCoreAsync(CancellationToken[] tokens) => Task.CompletedTask;
            """));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithTimeout(AttemptMs = 1000)]
            public partial Task {|RG0016:GetAsync|}();
            private Task GetCoreAsync() => Task.CompletedTask;
            """));
}
