using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0002Tests
{
    [Fact]
    public Task Raised_on_the_return_type()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial {|#0:int|} Get(CancellationToken cancellationToken);
            private int GetCore(CancellationToken cancellationToken) => 1;
            """), Diagnostic("RG0002").WithLocation(0).WithArguments("Get", "int"));

    [Fact]
    public Task Raised_for_a_task_like_type_that_is_not_one_of_the_four()
        => VerifyAnalyzerAsync(InClient("""
            [CircuitBreaker]
            public partial {|#0:System.Collections.Generic.IAsyncEnumerable<int>|} StreamAsync(CancellationToken cancellationToken);
            private System.Collections.Generic.IAsyncEnumerable<int> StreamCoreAsync(CancellationToken cancellationToken) => throw null!;
            """), Diagnostic("RG0002").WithLocation(0).WithArguments("StreamAsync", "IAsyncEnumerable<int>"));

    [Theory]
    [InlineData("Task")]
    [InlineData("Task<int>")]
    [InlineData("ValueTask")]
    [InlineData("ValueTask<string?>")]
    public Task Not_raised_for_the_supported_return_types(string returnType)
        => VerifyAnalyzerAsync(InClient($$"""
            [WithRetry]
            public partial {{returnType}} GetAsync(CancellationToken cancellationToken);
            private {{returnType}} GetCoreAsync(CancellationToken cancellationToken) => throw null!;
            """));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry]
            public partial {|RG0002:int|} Get(CancellationToken cancellationToken);
            private int GetCore(CancellationToken cancellationToken) => 1;
            """));
}
