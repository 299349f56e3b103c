using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0005Tests
{
    [Theory]
    [InlineData("ref int", "passed by 'ref'")]
    [InlineData("in int", "passed by 'in'")]
    [InlineData("out int", "passed by 'out'")]
    [InlineData("Span<int>", "of ref struct type 'Span<int>'")]
    public Task Raised_on_the_parameter(string parameterType, string why)
        => VerifyAnalyzerAsync(InClient($$"""
            [WithRetry]
            public partial Task GetAsync({{parameterType}} {|#0:value|}, CancellationToken cancellationToken);
            private Task GetCoreAsync({{parameterType}} value, CancellationToken cancellationToken) => throw null!;
            """), Diagnostic("RG0005").WithLocation(0).WithArguments("value", "GetAsync", why));

    [Theory]
    [InlineData("int")]
    [InlineData("params int[]")]
    [InlineData("ReadOnlyMemory<byte>")]
    [InlineData("string?")]
    public Task Not_raised_for_by_value_parameters(string parameterType)
        => VerifyAnalyzerAsync(InClient($$"""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken, {{parameterType}} value);
            private Task GetCoreAsync(CancellationToken cancellationToken, {{parameterType}} value) => Task.CompletedTask;
            """));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(ref int {|RG0005:value|}, CancellationToken cancellationToken);
            private Task GetCoreAsync(ref int value, CancellationToken cancellationToken) => Task.CompletedTask;
            """));
}
