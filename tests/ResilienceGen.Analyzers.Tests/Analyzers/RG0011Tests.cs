using Microsoft.CodeAnalysis;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0011Tests
{
    [Fact]
    public Task Raised_as_info_on_the_method_name()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task<int> {|#0:GetAsync|}(string sku);
            private Task<int> GetCoreAsync(string sku) => Task.FromResult(1);
            """), Diagnostic("RG0011").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithArguments("GetAsync", "its retries and delays cannot be cancelled"));

    [Theory]
    [InlineData("CancellationToken cancellationToken")]
    [InlineData("string sku, CancellationToken token = default")]
    [InlineData("CancellationToken ct, int count")]
    public Task Not_raised_with_a_token_anywhere(string parameters)
        => VerifyAnalyzerAsync(InClient($$"""
            [WithRetry]
            public partial Task GetAsync({{parameters}});
            private Task GetCoreAsync({{parameters}}) => Task.CompletedTask;
            """));
}
