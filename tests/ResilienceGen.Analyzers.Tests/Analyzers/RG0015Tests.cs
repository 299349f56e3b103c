using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0015Tests
{
    private const string Wrapper = """
        public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken);
        private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(1);
        """;

    [Fact]
    public void Raised_when_no_method_has_the_name()
        => Expect.Single("RG0015", InClient("""
            [WithRetry([|RetryAfter = "DelayFrom"|])]
            """ + Wrapper), "DelayFrom", "'Client' has no accessible method of that name", "Client");

    [Fact]
    public void Raised_for_a_non_nullable_TimeSpan_return()
        => Expect.Single("RG0015", InClient("""
            [WithRetry([|RetryAfter = nameof(DelayFrom)|])]
            """ + Wrapper + """
            private TimeSpan DelayFrom(Exception exception) => TimeSpan.Zero;
            """), "DelayFrom", "it returns 'TimeSpan', not 'TimeSpan?'", "Client");

    [Fact]
    public void Raised_for_a_parameter_that_is_not_Exception()
        => Expect.Single("RG0015", InClient("""
            [WithRetry([|RetryAfter = nameof(DelayFrom)|])]
            """ + Wrapper + """
            private static TimeSpan? DelayFrom(InvalidOperationException exception) => null;
            """), "DelayFrom", "parameter 1 'exception' is 'InvalidOperationException', not Exception", "Client");

    [Fact]
    public void Raised_for_a_generic_method()
        => Expect.Single("RG0015", InClient("""
            [WithRetry([|RetryAfter = nameof(DelayFrom)|])]
            """ + Wrapper + """
            private static TimeSpan? DelayFrom<T>(Exception exception) => null;
            """), "DelayFrom", "it is generic", "Client");

    [Fact]
    public void Raised_when_a_static_wrapper_names_an_instance_method()
        => Expect.Single("RG0015", InClient("""
            [WithRetry([|RetryAfter = nameof(DelayFrom)|])]
            public static partial Task GetAsync(CancellationToken cancellationToken);
            private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private TimeSpan? DelayFrom(Exception exception) => null;
            """), "DelayFrom", "it is an instance method and 'GetAsync' is static", "Client");

    [Theory]
    [InlineData("private TimeSpan? DelayFrom(Exception exception) => null;")]
    [InlineData("private static TimeSpan? DelayFrom(Exception exception) => null;")]
    [InlineData("protected System.Nullable<TimeSpan> DelayFrom(Exception? error) => null;")]
    public void Not_raised_for_a_usable_method(string hook)
        => Expect.None("RG0015", InClient("""
            [WithRetry(RetryAfter = nameof(DelayFrom))]
            """ + Wrapper + hook));

    [Fact]
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0015", InClient("""
            [WithRetry(RetryAfter = nameof(DelayFrom))]
            """ + Wrapper + """
            private TimeSpan DelayFrom(Exception exception) => TimeSpan.Zero;
            """));
}
