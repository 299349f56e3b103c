using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0014Tests
{
    private const string Wrapper = """
        public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken);
        private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(1);
        """;

    private const string Fix = "declare 'Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception)' in 'Client' or fix the name";

    [Fact]
    public Task Raised_when_no_method_has_the_name()
        => VerifyAnalyzerAsync(InClient("""
            [CircuitBreaker({|#0:Fallback = "GetFallbackAsync"|})]
            """ + Wrapper), Diagnostic("RG0014").WithLocation(0).WithArguments("GetFallbackAsync", "CircuitBreaker", "'Client' has no accessible method of that name", Fix));

    [Fact]
    public Task Raised_without_the_trailing_exception()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:Fallback = nameof(GetFallbackAsync)|})]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(0);
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("GetFallbackAsync", "WithRetry", "it has 2 parameters but needs 3: those of 'GetAsync' plus a trailing Exception", Fix));

    [Fact]
    public Task Raised_for_parameters_in_another_order()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:Fallback = nameof(GetFallbackAsync)|})]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(CancellationToken cancellationToken, string sku, Exception exception) => Task.FromResult(0);
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("GetFallbackAsync", "WithRetry", "parameter 1 'cancellationToken' is 'CancellationToken' but the wrapper's 'sku' is 'string'", Fix));

    [Fact]
    public Task Raised_when_the_last_parameter_is_not_Exception()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:Fallback = nameof(GetFallbackAsync)|})]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, object error) => Task.FromResult(0);
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("GetFallbackAsync", "WithRetry", "its last parameter 'error' is 'object', not Exception", Fix));

    [Fact]
    public Task Raised_for_another_return_type()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:Fallback = nameof(GetFallbackAsync)|})]
            """ + Wrapper + """
            private ValueTask<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => default;
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("GetFallbackAsync", "WithRetry", "it returns 'ValueTask<int>' but 'GetAsync' returns 'Task<int>'", Fix));

    [Fact]
    public Task Raised_for_a_ref_kind_that_differs()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:Fallback = nameof(GetFallbackAsync)|})]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(in string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("GetFallbackAsync", "WithRetry", "parameter 1 'sku' is passed by in but the wrapper's 'sku' is passed by value", Fix));

    [Fact]
    public Task Raised_when_a_static_wrapper_names_an_instance_method()
        => VerifyAnalyzerAsync(InClient("""
            [CircuitBreaker({|#0:Fallback = nameof(GetFallbackAsync)|})]
            public static partial Task GetAsync(CancellationToken cancellationToken);
            private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private Task GetFallbackAsync(CancellationToken cancellationToken, Exception exception) => Task.CompletedTask;
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("GetFallbackAsync", "CircuitBreaker", "it is an instance method and 'GetAsync' is static", "declare 'static Task GetFallbackAsync(CancellationToken cancellationToken, Exception exception)' in 'Client' or fix the name"));

    [Fact]
    public Task Raised_on_the_breaker_when_the_attributes_name_different_fallbacks()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry(Fallback = nameof(GetFallbackAsync))]
            [CircuitBreaker({|#0:Fallback = nameof(GetOtherFallbackAsync)|})]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            private Task<int> GetOtherFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("GetOtherFallbackAsync", "CircuitBreaker", "[WithRetry] names \"GetFallbackAsync\" and a method has one fallback", "name the same method on both attributes, or set Fallback on one of them"));

    [Fact]
    public Task Raised_for_a_generic_fallback_with_another_type_parameter_count()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:Fallback = nameof(EchoFallbackAsync)|})]
            public partial Task<T> {|RG0011:EchoAsync|}<T>(T value);
            private Task<T> EchoCoreAsync<T>(T value) => Task.FromResult(value);
            private Task<T> EchoFallbackAsync<T, U>(T value, Exception exception) => Task.FromResult(value);
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("EchoFallbackAsync", "WithRetry", "it has 2 type parameters but 'EchoAsync' has 1", "declare 'Task<T> EchoFallbackAsync<T>(T value, Exception exception)' in 'Client' or fix the name"));

    [Fact]
    public Task Raised_for_a_generic_fallback_with_other_constraints()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:Fallback = nameof(EchoFallbackAsync)|})]
            public partial Task<T> {|RG0011:EchoAsync|}<T>(T value);
            private Task<T> EchoCoreAsync<T>(T value) => Task.FromResult(value);
            private Task<T> EchoFallbackAsync<T>(T value, Exception exception) where T : class => Task.FromResult(value);
            """), Diagnostic("RG0014").WithLocation(0).WithArguments("EchoFallbackAsync", "WithRetry", "its type parameter 'T' has other constraints than the wrapper's 'T'", "declare 'Task<T> EchoFallbackAsync<T>(T value, Exception exception)' in 'Client' or fix the name"));

    [Theory]
    [InlineData("private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);")]
    [InlineData("private static Task<int> GetFallbackAsync(string id, CancellationToken token, Exception? error) => Task.FromResult(0);")]
    [InlineData("protected virtual Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);")]
    public Task Not_raised_for_a_usable_method(string hook)
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry(Fallback = nameof(GetFallbackAsync))]
            [CircuitBreaker(Fallback = nameof(GetFallbackAsync))]
            """ + Wrapper + hook));

    [Fact]
    public Task Not_raised_for_a_generic_fallback_matching_the_wrapper_nor_for_a_static_one_from_a_static_wrapper()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry(Fallback = nameof(EchoFallbackAsync))]
            public partial ValueTask<TValue> {|RG0011:EchoAsync|}<TValue>(TValue value) where TValue : struct;
            private ValueTask<TValue> EchoCoreAsync<TValue>(TValue value) where TValue : struct => new(value);
            private ValueTask<U> EchoFallbackAsync<U>(U value, Exception exception) where U : struct => new(value);
            [CircuitBreaker(Fallback = nameof(PingFallbackAsync))]
            public static partial Task {|RG0011:PingAsync|}();
            private static Task PingCoreAsync() => Task.CompletedTask;
            private static Task PingFallbackAsync(Exception exception) => Task.CompletedTask;
            """));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry({|RG0014:Fallback = nameof(GetFallbackAsync)|})]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(0);
            """));

    [Fact]
    public Task Only_error_of_the_build_for_two_fallbacks()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry(Fallback = "GetFallbackAsync")]
            [CircuitBreaker({|RG0014:Fallback = "GetOtherFallbackAsync"|})]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            private Task<int> GetOtherFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            """));
}
