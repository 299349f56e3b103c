using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0005Tests
{
    [Theory]
    [InlineData("ref int", "passed by 'ref'")]
    [InlineData("in int", "passed by 'in'")]
    [InlineData("out int", "passed by 'out'")]
    [InlineData("Span<int>", "of ref struct type 'Span<int>'")]
    public void Raised_on_the_parameter(string parameterType, string why)
        => Expect.Single("RG0005", InClient($$"""
            [WithRetry]
            public partial Task GetAsync({{parameterType}} [|value|], CancellationToken cancellationToken);
            private Task GetCoreAsync({{parameterType}} value, CancellationToken cancellationToken) => throw null!;
            """), "value", "GetAsync", why);

    [Theory]
    [InlineData("int")]
    [InlineData("params int[]")]
    [InlineData("ReadOnlyMemory<byte>")]
    [InlineData("string?")]
    public void Not_raised_for_by_value_parameters(string parameterType)
        => Expect.None("RG0005", InClient($$"""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken, {{parameterType}} value);
            private Task GetCoreAsync(CancellationToken cancellationToken, {{parameterType}} value) => Task.CompletedTask;
            """));

    [Fact]
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0005", InClient("""
            [WithRetry]
            public partial Task GetAsync(ref int value, CancellationToken cancellationToken);
            private Task GetCoreAsync(ref int value, CancellationToken cancellationToken) => Task.CompletedTask;
            """));
}
