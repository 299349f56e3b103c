using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class AddCancellationTokenCodeFixTests
{
    [Fact]
    public Task Adds_the_token_to_the_declaration_and_the_core_method()
        => VerifyCodeFixAsync<AddCancellationTokenCodeFix>(
            InClient("""
                [WithRetry]
                public partial Task<int> {|RG0011:GetAsync|}(string sku);
                private Task<int> GetCoreAsync(string sku) => Task.FromResult(sku.Length);
                """),
            InClient("""
                [WithRetry]
                public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken = default);
                private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken = default) => Task.FromResult(sku.Length);
                """));

    [Fact]
    public Task Goes_before_params_qualifies_the_type_without_a_using_and_avoids_taken_names()
        => VerifyCodeFixAsync<AddCancellationTokenCodeFix>(
            """
            namespace Demo
            {
                public partial class Client
                {
                    [ResilienceGen.WithRetry]
                    public partial System.Threading.Tasks.Task {|RG0011:SendAsync|}(int cancellationToken, params string[] values);
                    private System.Threading.Tasks.Task SendCoreAsync(int cancellationToken, params string[] values) => System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """,
            """
            namespace Demo
            {
                public partial class Client
                {
                    [ResilienceGen.WithRetry]
                    public partial System.Threading.Tasks.Task SendAsync(int cancellationToken, System.Threading.CancellationToken cancellationToken2 = default, params string[] values);
                    private System.Threading.Tasks.Task SendCoreAsync(int cancellationToken, System.Threading.CancellationToken cancellationToken2 = default, params string[] values) => System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """);

    [Fact]
    public async Task Adds_it_to_the_declaration_alone_when_there_is_no_core_method_yet()
    {
        // RG0003 (no core method) is reported before and after: this fix adds the token, not the method.
        var source = InClient("""
            [WithRetry]
            public partial Task {|RG0003:{|RG0011:GetAsync|}|}();
            """);
        await VerifyCodeFixAsync<AddCancellationTokenCodeFix>(source, InClient("""
            [WithRetry]
            public partial Task {|RG0003:GetAsync|}(CancellationToken cancellationToken = default);
            """));
        Assert.Single(await OfferedCodeActions.ForAsync(new AddCancellationTokenCodeFix(), source, "RG0011"));
    }

    [Fact]
    public Task Fix_all_adds_a_token_to_every_method_without_one()
        => new ResilienceGenTest<AddCancellationTokenCodeFix>
        {
            TestCode = InClient("""
                [WithRetry]
                public partial Task {|RG0011:GetAsync|}();
                private Task GetCoreAsync() => Task.CompletedTask;
                [CircuitBreaker]
                public partial Task {|RG0011:PutAsync|}(string value);
                private Task PutCoreAsync(string value) => Task.CompletedTask;
                """),
            FixedCode = InClient("""
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken = default);
                private Task GetCoreAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
                [CircuitBreaker]
                public partial Task PutAsync(string value, CancellationToken cancellationToken = default);
                private Task PutCoreAsync(string value, CancellationToken cancellationToken = default) => Task.CompletedTask;
                """),
            NumberOfFixAllIterations = 1,
        }.RunAsync();
}
