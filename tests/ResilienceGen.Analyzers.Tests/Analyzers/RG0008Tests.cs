using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
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
    public Task Raised_on_the_element_of_a_collection_expression()
        => VerifyAnalyzerAsync(Declaration("[WithRetry(Handle = [typeof(TimeoutException), {|#0:typeof(string)|}])]"), Diagnostic("RG0008").WithLocation(0).WithArguments("string", "Handle", "WithRetry"));

    [Fact]
    public Task Raised_on_the_element_of_an_array_creation()
        => VerifyAnalyzerAsync(Declaration("[CircuitBreaker(Ignore = new[] { {|#0:typeof(int)|} })]"), Diagnostic("RG0008").WithLocation(0).WithArguments("int", "Ignore", "CircuitBreaker"));

    [Fact]
    public Task Raised_for_an_open_generic_exception_type()
        => VerifyAnalyzerAsync(Declaration("[WithRetry(Handle = new Type[] { {|#0:typeof(Failed<>)|} })]"), Diagnostic("RG0008").WithLocation(0).WithArguments("Failed<>", "Handle", "WithRetry"));

    [Theory]
    [InlineData("[WithRetry(Handle = [typeof(TimeoutException), typeof(System.Net.Http.HttpRequestException)])]")]
    [InlineData("[WithRetry(Ignore = [typeof(OperationCanceledException)], Handle = [typeof(Exception)])]")]
    [InlineData("[CircuitBreaker(Handle = [typeof(Client.Failed<int>)])]")]
    [InlineData("[CircuitBreaker(Handle = null)]")]
    public Task Not_raised_for_exception_types(string attribute)
        => VerifyAnalyzerAsync(Declaration(attribute));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(Declaration("[WithRetry(Handle = [{|RG0008:typeof(string)|}])]"));
}
