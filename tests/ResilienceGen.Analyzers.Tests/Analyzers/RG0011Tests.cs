using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0011Tests
{
    [Fact]
    public void Raised_as_info_on_the_method_name()
    {
        var diagnostic = Expect.Single("RG0011", InClient("""
            [WithRetry]
            public partial Task<int> [|GetAsync|](string sku);
            private Task<int> GetCoreAsync(string sku) => Task.FromResult(1);
            """), "GetAsync", "its retries and delays cannot be cancelled");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Theory]
    [InlineData("CancellationToken cancellationToken")]
    [InlineData("string sku, CancellationToken token = default")]
    [InlineData("CancellationToken ct, int count")]
    public void Not_raised_with_a_token_anywhere(string parameters)
        => Expect.None("RG0011", InClient($$"""
            [WithRetry]
            public partial Task GetAsync({{parameters}});
            private Task GetCoreAsync({{parameters}}) => Task.CompletedTask;
            """));
}
