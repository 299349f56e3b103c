using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0008Tests
{
    private static string Declaration(string attribute) => InClient($$"""
        public class Failed<T> : Exception { }
        {{attribute}}
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """);

    [Fact]
    public void Raised_on_the_element_of_a_collection_expression()
        => Expect.Single("RG0008", Declaration("[WithRetry(Handle = [typeof(TimeoutException), [|typeof(string)|]])]"), "string", "Handle", "WithRetry");

    [Fact]
    public void Raised_on_the_element_of_an_array_creation()
        => Expect.Single("RG0008", Declaration("[CircuitBreaker(Ignore = new[] { [|typeof(int)|] })]"), "int", "Ignore", "CircuitBreaker");

    [Fact]
    public void Raised_for_an_open_generic_exception_type()
        => Expect.Single("RG0008", Declaration("[WithRetry(Handle = new Type[] { [|typeof(Failed<>)|] })]"), "Failed<>", "Handle", "WithRetry");

    [Theory]
    [InlineData("[WithRetry(Handle = [typeof(TimeoutException), typeof(System.Net.Http.HttpRequestException)])]")]
    [InlineData("[WithRetry(Ignore = [typeof(OperationCanceledException)], Handle = [typeof(Exception)])]")]
    [InlineData("[CircuitBreaker(Handle = [typeof(Client.Failed<int>)])]")]
    [InlineData("[CircuitBreaker(Handle = null)]")]
    public void Not_raised_for_exception_types(string attribute)
        => Expect.None("RG0008", Declaration(attribute));

    [Fact]
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0008", Declaration("[WithRetry(Handle = [typeof(string)])]"));
}
