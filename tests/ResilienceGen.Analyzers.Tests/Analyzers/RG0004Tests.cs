using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0004Tests
{
    [Fact]
    public void Raised_on_the_core_parameter_whose_type_differs()
        => Expect.Single("RG0004", InClient("""
            [WithRetry]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken);
            private Task<int> GetStockCoreAsync(int [|sku|], CancellationToken cancellationToken) => Task.FromResult(sku);
            """), "GetStockCoreAsync", "GetStockAsync", "parameter 1 'sku' is 'int' but the declaration's 'sku' is 'string'");

    [Fact]
    public void Raised_when_the_return_type_differs()
        => Expect.Single("RG0004", InClient("""
            [WithRetry]
            public partial Task<int> GetStockAsync(CancellationToken cancellationToken);
            private Task<long> [|GetStockCoreAsync|](CancellationToken cancellationToken) => Task.FromResult(1L);
            """), "GetStockCoreAsync", "GetStockAsync", "it returns 'Task<long>' but the declaration returns 'Task<int>'");

    [Fact]
    public void Raised_when_static_ness_differs()
        => Expect.Single("RG0004", InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private static Task [|GetCoreAsync|](CancellationToken cancellationToken) => Task.CompletedTask;
            """), "GetCoreAsync", "GetAsync", "it is static but the declaration is not");

    [Fact]
    public void Raised_when_the_parameter_count_differs()
        => Expect.Single("RG0004", InClient("""
            [WithRetry]
            public partial Task GetAsync(string sku, CancellationToken cancellationToken);
            private Task [|GetCoreAsync|](CancellationToken cancellationToken) => Task.CompletedTask;
            """), "GetCoreAsync", "GetAsync", "it has 1 parameter but the declaration has 2");

    [Fact]
    public void Raised_when_the_type_parameter_count_differs()
        => Expect.Single("RG0004", InClient("""
            [WithRetry]
            public partial Task<T> GetAsync<T>(CancellationToken cancellationToken);
            private Task<object> [|GetCoreAsync|](CancellationToken cancellationToken) => Task.FromResult(new object());
            """), "GetCoreAsync", "GetAsync", "it has 0 type parameters but the declaration has 1");

    [Fact]
    public void Not_raised_for_a_generic_core_whose_type_parameters_are_named_differently()
        => Expect.None("RG0004", InClient("""
            [WithRetry]
            public partial Task<T> GetAsync<T>(T value, CancellationToken cancellationToken) where T : class;
            private Task<U> GetCoreAsync<U>(U value, CancellationToken cancellationToken) where U : class => Task.FromResult(value);
            """));

    [Fact]
    public void Not_raised_when_one_overload_matches()
        => Expect.None("RG0004", InClient("""
            [WithRetry]
            public partial Task GetAsync(string sku, CancellationToken cancellationToken);
            private Task GetCoreAsync(int sku, CancellationToken cancellationToken) => Task.CompletedTask;
            private Task GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public void Not_raised_when_only_names_and_defaults_differ()
        => Expect.None("RG0004", InClient("""
            [WithRetry]
            public partial Task GetAsync(string sku, CancellationToken cancellationToken = default);
            private Task GetCoreAsync(string id, CancellationToken token) => Task.CompletedTask;
            """));

    [Fact]
    public void Raised_when_the_declaration_passes_a_nullable_reference_the_core_does_not_accept()
        => Expect.Single("RG0004", InClient("""
            [WithRetry]
            public partial Task GetAsync(string? sku, CancellationToken cancellationToken);
            private Task GetCoreAsync(string [|sku|], CancellationToken cancellationToken) => Task.CompletedTask;
            """), "GetCoreAsync", "GetAsync", "parameter 1 'sku' is 'string' but the declaration's 'sku' is 'string?'");

    [Theory]
    [InlineData("Task<string>", "Task<string?>")]
    [InlineData("Task<string?>", "Task<string>")]
    public void Raised_when_the_returned_task_differs_in_nullability(string declared, string core)
        => Expect.Single("RG0004", InClient($$"""
            [WithRetry]
            public partial {{declared}} GetAsync(CancellationToken cancellationToken);
            private {{core}} [|GetCoreAsync|](CancellationToken cancellationToken) => throw null!;
            """), "GetCoreAsync", "GetAsync", $"it returns '{core}' but the declaration returns '{declared}'");

    [Fact]
    public void Not_raised_when_the_core_accepts_more_nulls_than_the_declaration_passes()
        => Expect.None("RG0004", InClient("""
            [WithRetry]
            public partial Task GetAsync(string sku, CancellationToken cancellationToken);
            private Task GetCoreAsync(string? sku, CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public void A_nullability_mismatch_gives_no_warning_in_generated_code_only_our_error()
    {
        var diagnostics = AnalyzerRun.AllDiagnostics(InClient("""
            [WithRetry]
            public partial Task<string> GetAsync(string? sku, CancellationToken cancellationToken);
            private Task<string?> GetCoreAsync(string sku, CancellationToken cancellationToken) => throw null!;
            """)).Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Id == "RG0004", Expect.Describe(diagnostics));
    }

    [Fact]
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0004", InClient("""
            [WithRetry]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken);
            private Task<int> GetStockCoreAsync(int sku, CancellationToken cancellationToken) => Task.FromResult(sku);
            """));
}
