using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0015Tests
{
    private const string Wrapper = """
        public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken);
        private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(1);
        """;

    [Fact]
    public Task Raised_when_no_method_has_the_name()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:RetryAfter = "DelayFrom"|})]
            """ + Wrapper), Diagnostic("RG0015").WithLocation(0).WithArguments("DelayFrom", "'Client' has no accessible method of that name", "Client"));

    [Fact]
    public Task Raised_for_a_non_nullable_TimeSpan_return()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:RetryAfter = nameof(DelayFrom)|})]
            """ + Wrapper + """
            private TimeSpan DelayFrom(Exception exception) => TimeSpan.Zero;
            """), Diagnostic("RG0015").WithLocation(0).WithArguments("DelayFrom", "it returns 'TimeSpan', not 'TimeSpan?'", "Client"));

    [Fact]
    public Task Raised_for_a_parameter_that_is_not_Exception()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:RetryAfter = nameof(DelayFrom)|})]
            """ + Wrapper + """
            private static TimeSpan? DelayFrom(InvalidOperationException exception) => null;
            """), Diagnostic("RG0015").WithLocation(0).WithArguments("DelayFrom", "parameter 1 'exception' is 'InvalidOperationException', not Exception", "Client"));

    [Fact]
    public Task Raised_for_a_generic_method()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:RetryAfter = nameof(DelayFrom)|})]
            """ + Wrapper + """
            private static TimeSpan? DelayFrom<T>(Exception exception) => null;
            """), Diagnostic("RG0015").WithLocation(0).WithArguments("DelayFrom", "it is generic", "Client"));

    [Fact]
    public Task Raised_when_a_static_wrapper_names_an_instance_method()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:RetryAfter = nameof(DelayFrom)|})]
            public static partial Task GetAsync(CancellationToken cancellationToken);
            private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private TimeSpan? DelayFrom(Exception exception) => null;
            """), Diagnostic("RG0015").WithLocation(0).WithArguments("DelayFrom", "it is an instance method and 'GetAsync' is static", "Client"));

    [Theory]
    [InlineData("private TimeSpan? DelayFrom(Exception exception) => null;")]
    [InlineData("private static TimeSpan? DelayFrom(Exception exception) => null;")]
    [InlineData("protected System.Nullable<TimeSpan> DelayFrom(Exception? error) => null;")]
    public Task Not_raised_for_a_usable_method(string hook)
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry(RetryAfter = nameof(DelayFrom))]
            """ + Wrapper + hook));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry({|RG0015:RetryAfter = nameof(DelayFrom)|})]
            """ + Wrapper + """
            private TimeSpan DelayFrom(Exception exception) => TimeSpan.Zero;
            """));
}
