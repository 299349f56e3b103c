using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0004Tests
{
    [Fact]
    public Task Raised_on_the_core_parameter_whose_type_differs()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken);
            private Task<int> GetStockCoreAsync(int {|#0:sku|}, CancellationToken cancellationToken) => Task.FromResult(sku);
            """), Diagnostic("RG0004").WithLocation(0).WithArguments("GetStockCoreAsync", "GetStockAsync", "parameter 1 'sku' is 'int' but the declaration's 'sku' is 'string'"));

    [Fact]
    public Task Raised_when_the_return_type_differs()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task<int> GetStockAsync(CancellationToken cancellationToken);
            private Task<long> {|#0:GetStockCoreAsync|}(CancellationToken cancellationToken) => Task.FromResult(1L);
            """), Diagnostic("RG0004").WithLocation(0).WithArguments("GetStockCoreAsync", "GetStockAsync", "it returns 'Task<long>' but the declaration returns 'Task<int>'"));

    [Fact]
    public Task Raised_when_static_ness_differs()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private static Task {|#0:GetCoreAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0004").WithLocation(0).WithArguments("GetCoreAsync", "GetAsync", "it is static but the declaration is not"));

    [Fact]
    public Task Raised_when_the_parameter_count_differs()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(string sku, CancellationToken cancellationToken);
            private Task {|#0:GetCoreAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0004").WithLocation(0).WithArguments("GetCoreAsync", "GetAsync", "it has 1 parameter but the declaration has 2"));

    [Fact]
    public Task Raised_when_the_type_parameter_count_differs()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task<T> GetAsync<T>(CancellationToken cancellationToken);
            private Task<object> {|#0:GetCoreAsync|}(CancellationToken cancellationToken) => Task.FromResult(new object());
            """), Diagnostic("RG0004").WithLocation(0).WithArguments("GetCoreAsync", "GetAsync", "it has 0 type parameters but the declaration has 1"));

    [Fact]
    public Task Not_raised_for_a_generic_core_whose_type_parameters_are_named_differently()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task<T> GetAsync<T>(T value, CancellationToken cancellationToken) where T : class;
            private Task<U> GetCoreAsync<U>(U value, CancellationToken cancellationToken) where U : class => Task.FromResult(value);
            """));

    [Fact]
    public Task Not_raised_when_one_overload_matches()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(string sku, CancellationToken cancellationToken);
            private Task GetCoreAsync(int sku, CancellationToken cancellationToken) => Task.CompletedTask;
            private Task GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public Task Not_raised_when_only_names_and_defaults_differ()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(string sku, CancellationToken cancellationToken = default);
            private Task GetCoreAsync(string id, CancellationToken token) => Task.CompletedTask;
            """));

    [Fact]
    public Task Raised_when_the_declaration_passes_a_nullable_reference_the_core_does_not_accept()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(string? sku, CancellationToken cancellationToken);
            private Task GetCoreAsync(string {|#0:sku|}, CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0004").WithLocation(0).WithArguments("GetCoreAsync", "GetAsync", "parameter 1 'sku' is 'string' but the declaration's 'sku' is 'string?'"));

    [Theory]
    [InlineData("Task<string>", "Task<string?>")]
    [InlineData("Task<string?>", "Task<string>")]
    public Task Raised_when_the_returned_task_differs_in_nullability(string declared, string core)
        => VerifyAnalyzerAsync(InClient($$"""
            [WithRetry]
            public partial {{declared}} GetAsync(CancellationToken cancellationToken);
            private {{core}} {|#0:GetCoreAsync|}(CancellationToken cancellationToken) => throw null!;
            """), Diagnostic("RG0004").WithLocation(0).WithArguments("GetCoreAsync", "GetAsync", $"it returns '{core}' but the declaration returns '{declared}'"));

    [Fact]
    public Task Not_raised_when_the_core_accepts_more_nulls_than_the_declaration_passes()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(string sku, CancellationToken cancellationToken);
            private Task GetCoreAsync(string? sku, CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public Task A_nullability_mismatch_gives_no_warning_in_generated_code_only_our_error()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry]
            public partial Task<string> GetAsync(string? sku, CancellationToken cancellationToken);
            private Task<string?> GetCoreAsync(string {|RG0004:sku|}, CancellationToken cancellationToken) => throw null!;
            """));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken);
            private Task<int> GetStockCoreAsync(int {|RG0004:sku|}, CancellationToken cancellationToken) => Task.FromResult(sku);
            """));
}
