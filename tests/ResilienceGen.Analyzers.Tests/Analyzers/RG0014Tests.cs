using ResilienceGen.Analyzers.Tests.Infrastructure;
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
    public void Raised_when_no_method_has_the_name()
        => Expect.Single("RG0014", InClient("""
            [CircuitBreaker([|Fallback = "GetFallbackAsync"|])]
            """ + Wrapper), "GetFallbackAsync", "CircuitBreaker", "'Client' has no accessible method of that name", Fix);

    [Fact]
    public void Raised_without_the_trailing_exception()
        => Expect.Single("RG0014", InClient("""
            [WithRetry([|Fallback = nameof(GetFallbackAsync)|])]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(0);
            """), "GetFallbackAsync", "WithRetry", "it has 2 parameters but needs 3: those of 'GetAsync' plus a trailing Exception", Fix);

    [Fact]
    public void Raised_for_parameters_in_another_order()
        => Expect.Single("RG0014", InClient("""
            [WithRetry([|Fallback = nameof(GetFallbackAsync)|])]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(CancellationToken cancellationToken, string sku, Exception exception) => Task.FromResult(0);
            """), "GetFallbackAsync", "WithRetry", "parameter 1 'cancellationToken' is 'CancellationToken' but the wrapper's 'sku' is 'string'", Fix);

    [Fact]
    public void Raised_when_the_last_parameter_is_not_Exception()
        => Expect.Single("RG0014", InClient("""
            [WithRetry([|Fallback = nameof(GetFallbackAsync)|])]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, object error) => Task.FromResult(0);
            """), "GetFallbackAsync", "WithRetry", "its last parameter 'error' is 'object', not Exception", Fix);

    [Fact]
    public void Raised_for_another_return_type()
        => Expect.Single("RG0014", InClient("""
            [WithRetry([|Fallback = nameof(GetFallbackAsync)|])]
            """ + Wrapper + """
            private ValueTask<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => default;
            """), "GetFallbackAsync", "WithRetry", "it returns 'ValueTask<int>' but 'GetAsync' returns 'Task<int>'", Fix);

    [Fact]
    public void Raised_for_a_ref_kind_that_differs()
        => Expect.Single("RG0014", InClient("""
            [WithRetry([|Fallback = nameof(GetFallbackAsync)|])]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(in string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            """), "GetFallbackAsync", "WithRetry", "parameter 1 'sku' is passed by in but the wrapper's 'sku' is passed by value", Fix);

    [Fact]
    public void Raised_when_a_static_wrapper_names_an_instance_method()
        => Expect.Single("RG0014", InClient("""
            [CircuitBreaker([|Fallback = nameof(GetFallbackAsync)|])]
            public static partial Task GetAsync(CancellationToken cancellationToken);
            private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private Task GetFallbackAsync(CancellationToken cancellationToken, Exception exception) => Task.CompletedTask;
            """), "GetFallbackAsync", "CircuitBreaker", "it is an instance method and 'GetAsync' is static",
            "declare 'static Task GetFallbackAsync(CancellationToken cancellationToken, Exception exception)' in 'Client' or fix the name");

    [Fact]
    public void Raised_on_the_breaker_when_the_attributes_name_different_fallbacks()
        => Expect.Single("RG0014", InClient("""
            [WithRetry(Fallback = nameof(GetFallbackAsync))]
            [CircuitBreaker([|Fallback = nameof(GetOtherFallbackAsync)|])]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            private Task<int> GetOtherFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            """), "GetOtherFallbackAsync", "CircuitBreaker", "[WithRetry] names \"GetFallbackAsync\" and a method has one fallback",
            "name the same method on both attributes, or set Fallback on one of them");

    [Fact]
    public void Raised_for_a_generic_fallback_with_another_type_parameter_count()
        => Expect.Single("RG0014", InClient("""
            [WithRetry([|Fallback = nameof(EchoFallbackAsync)|])]
            public partial Task<T> EchoAsync<T>(T value);
            private Task<T> EchoCoreAsync<T>(T value) => Task.FromResult(value);
            private Task<T> EchoFallbackAsync<T, U>(T value, Exception exception) => Task.FromResult(value);
            """), "EchoFallbackAsync", "WithRetry", "it has 2 type parameters but 'EchoAsync' has 1",
            "declare 'Task<T> EchoFallbackAsync<T>(T value, Exception exception)' in 'Client' or fix the name");

    [Fact]
    public void Raised_for_a_generic_fallback_with_other_constraints()
        => Expect.Single("RG0014", InClient("""
            [WithRetry([|Fallback = nameof(EchoFallbackAsync)|])]
            public partial Task<T> EchoAsync<T>(T value);
            private Task<T> EchoCoreAsync<T>(T value) => Task.FromResult(value);
            private Task<T> EchoFallbackAsync<T>(T value, Exception exception) where T : class => Task.FromResult(value);
            """), "EchoFallbackAsync", "WithRetry", "its type parameter 'T' has other constraints than the wrapper's 'T'",
            "declare 'Task<T> EchoFallbackAsync<T>(T value, Exception exception)' in 'Client' or fix the name");

    [Theory]
    [InlineData("private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);")]
    [InlineData("private static Task<int> GetFallbackAsync(string id, CancellationToken token, Exception? error) => Task.FromResult(0);")]
    [InlineData("protected virtual Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);")]
    public void Not_raised_for_a_usable_method(string hook)
        => Expect.None("RG0014", InClient("""
            [WithRetry(Fallback = nameof(GetFallbackAsync))]
            [CircuitBreaker(Fallback = nameof(GetFallbackAsync))]
            """ + Wrapper + hook));

    [Fact]
    public void Not_raised_for_a_generic_fallback_matching_the_wrapper_nor_for_a_static_one_from_a_static_wrapper()
        => Expect.None("RG0014", InClient("""
            [WithRetry(Fallback = nameof(EchoFallbackAsync))]
            public partial ValueTask<TValue> EchoAsync<TValue>(TValue value) where TValue : struct;
            private ValueTask<TValue> EchoCoreAsync<TValue>(TValue value) where TValue : struct => new(value);
            private ValueTask<U> EchoFallbackAsync<U>(U value, Exception exception) where U : struct => new(value);
            [CircuitBreaker(Fallback = nameof(PingFallbackAsync))]
            public static partial Task PingAsync();
            private static Task PingCoreAsync() => Task.CompletedTask;
            private static Task PingFallbackAsync(Exception exception) => Task.CompletedTask;
            """));

    [Fact]
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0014", InClient("""
            [WithRetry(Fallback = nameof(GetFallbackAsync))]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(0);
            """));

    [Fact]
    public void Only_error_of_the_build_for_two_fallbacks()
        => Expect.OnlyError("RG0014", InClient("""
            [WithRetry(Fallback = "GetFallbackAsync")]
            [CircuitBreaker(Fallback = "GetOtherFallbackAsync")]
            """ + Wrapper + """
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            private Task<int> GetOtherFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            """));
}
