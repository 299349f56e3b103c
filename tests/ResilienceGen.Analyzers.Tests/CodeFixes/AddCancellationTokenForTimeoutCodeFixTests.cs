using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

/// <summary>RG0016 is fixed by the RG0011 fix: the token is added to the declaration and the Core method, and the build has no error left.</summary>
public class AddCancellationTokenForTimeoutCodeFixTests
{
    [Fact]
    public Task Adds_the_token_a_timeout_needs()
        => VerifyCodeFixAsync<AddCancellationTokenCodeFix>(
            InClient("""
                [WithTimeout(AttemptMs = 1000)]
                [WithRetry]
                public partial Task<int> {|RG0016:GetAsync|}(string sku);
                private Task<int> GetCoreAsync(string sku) => Task.FromResult(sku.Length);
                """),
            InClient("""
                [WithTimeout(AttemptMs = 1000)]
                [WithRetry]
                public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken = default);
                private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken = default) => Task.FromResult(sku.Length);
                """));
}
