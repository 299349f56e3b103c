using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0002Tests
{
    [Fact]
    public void Raised_on_the_return_type()
        => Expect.Single("RG0002", InClient("""
            [WithRetry]
            public partial [|int|] Get(CancellationToken cancellationToken);
            private int GetCore(CancellationToken cancellationToken) => 1;
            """), "Get", "int");

    [Fact]
    public void Raised_for_a_task_like_type_that_is_not_one_of_the_four()
        => Expect.Single("RG0002", InClient("""
            [CircuitBreaker]
            public partial [|System.Collections.Generic.IAsyncEnumerable<int>|] StreamAsync(CancellationToken cancellationToken);
            private System.Collections.Generic.IAsyncEnumerable<int> StreamCoreAsync(CancellationToken cancellationToken) => throw null!;
            """), "StreamAsync", "IAsyncEnumerable<int>");

    [Theory]
    [InlineData("Task")]
    [InlineData("Task<int>")]
    [InlineData("ValueTask")]
    [InlineData("ValueTask<string?>")]
    public void Not_raised_for_the_supported_return_types(string returnType)
        => Expect.None("RG0002", InClient($$"""
            [WithRetry]
            public partial {{returnType}} GetAsync(CancellationToken cancellationToken);
            private {{returnType}} GetCoreAsync(CancellationToken cancellationToken) => throw null!;
            """));

    [Fact]
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0002", InClient("""
            [WithRetry]
            public partial int Get(CancellationToken cancellationToken);
            private int GetCore(CancellationToken cancellationToken) => 1;
            """));
}
