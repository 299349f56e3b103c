using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class AddCoreMethodStubCodeFixTests
{
    [Fact]
    public async Task Adds_a_private_stub_with_the_declarations_signature()
    {
        var outcome = await CodeFixRun.ApplyAsync(new AddCoreMethodStubCodeFix(), "RG0003", InClient("""
            [WithRetry]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken = default);
            """));
        CodeFixAssert.Fixed(outcome, "RG0003");
        CodeFixAssert.Contains(outcome, "private Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken = default) { throw new System.NotImplementedException(); }");
    }

    [Fact]
    public async Task Keeps_static_type_parameters_constraints_and_keyword_names()
    {
        var outcome = await CodeFixRun.ApplyAsync(new AddCoreMethodStubCodeFix(), "RG0003", InClient("""
            [CircuitBreaker]
            public static partial ValueTask<T?> Find<T>(string @event, CancellationToken cancellationToken) where T : class, new();
            """));
        CodeFixAssert.Fixed(outcome, "RG0003");
        CodeFixAssert.Contains(outcome, "private static ValueTask<T?> FindCore<T>(string @event, CancellationToken cancellationToken) where T : class, new()");
    }

    [Fact]
    public async Task Fix_all_adds_every_missing_core_method()
    {
        var outcome = await CodeFixRun.FixAllAsync(new AddCoreMethodStubCodeFix(), "RG0003", InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            [WithRetry]
            public partial Task PutAsync(string value, CancellationToken cancellationToken);
            """));
        CodeFixAssert.Fixed(outcome, "RG0003");
        CodeFixAssert.Contains(outcome, "private Task GetCoreAsync(CancellationToken cancellationToken)");
        CodeFixAssert.Contains(outcome, "private Task PutCoreAsync(string value, CancellationToken cancellationToken)");
    }
}
