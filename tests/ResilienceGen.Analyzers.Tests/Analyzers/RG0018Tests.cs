using Microsoft.CodeAnalysis;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0018Tests
{
    private static string Declaration(string attributes) => InClient($$"""
        {{attributes}}
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """);

    [Fact]
    public Task Raised_when_the_retry_delays_alone_exceed_the_total_timeout()
        // Exponential from 1 s with ±20 % jitter: at least 800 + 1600 + 3200 = 5600 ms of delays.
        => VerifyAnalyzerAsync(Declaration("""
            [WithTimeout(AttemptMs = 1000, {|#0:TotalMs = 5000|})]
            [WithRetry(MaxRetries = 3)]
            """), Diagnostic("RG0018").WithSeverity(DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "TotalMs = 5000", "the 3 retries of [WithRetry] wait at least 5600 ms in delays alone, so the last retries can never run",
                "raise TotalMs or lower MaxRetries or the delays"));

    [Theory]
    [InlineData("[WithTimeout(AttemptMs = 1000, TotalMs = 5600)] [WithRetry(MaxRetries = 3)]")] // exactly the minimum: the last retry can still start
    [InlineData("[WithTimeout(AttemptMs = 1000, TotalMs = 5000)] [WithRetry(MaxRetries = 3, Jitter = false, Backoff = BackoffKind.Constant)]")] // 3000 ms
    [InlineData("[WithTimeout(AttemptMs = 1000)] [WithRetry(MaxRetries = 10)]")] // no total limit
    [InlineData("[WithTimeout(AttemptMs = 100, TotalMs = 500)] [WithRetry(MaxRetries = 3, BaseDelayMs = 10000, MaxDelayMs = 10000, RetryAfter = nameof(DelayFrom))] ")] // RetryAfter may shorten the delays
    public Task Not_raised_when_the_retries_fit_or_their_delays_are_not_known(string attributes)
        => VerifyAnalyzerAsync(InClient($$"""
            {{attributes}}
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private static TimeSpan? DelayFrom(Exception exception) => null;
            """));

    [Fact]
    public Task Raised_when_no_call_can_be_slow_before_it_times_out()
        => VerifyAnalyzerAsync(Declaration("""
            [WithTimeout(AttemptMs = 1000)]
            [CircuitBreaker({|#0:SlowCallDurationMs = 1000|})]
            """), Diagnostic("RG0018").WithLocation(0).WithArguments(
                "SlowCallDurationMs = 1000", "an attempt times out after AttemptMs = 1000 ms, before any call can be slow",
                "make SlowCallDurationMs smaller than AttemptMs"));

    [Theory]
    [InlineData("[WithTimeout(AttemptMs = 1000)] [CircuitBreaker(SlowCallDurationMs = 999)]")]
    [InlineData("[WithTimeout(TotalMs = 1000)] [CircuitBreaker(SlowCallDurationMs = 5000)]")] // no attempt limit
    [InlineData("[CircuitBreaker(SlowCallDurationMs = 5000)]")]
    public Task Not_raised_when_a_call_can_be_slow_first(string attributes)
        => VerifyAnalyzerAsync(Declaration(attributes));

    [Fact]
    public Task Raised_when_the_sampling_window_is_under_twice_the_attempt_timeout()
        => VerifyAnalyzerAsync(Declaration("""
            [WithTimeout(AttemptMs = 2000)]
            [CircuitBreaker(FailureRatio = 0.5, {|#0:SamplingDurationMs = 3999|})]
            """), Diagnostic("RG0018").WithLocation(0).WithArguments(
                "SamplingDurationMs = 3999",
                "the sampling window is under twice AttemptMs = 2000 ms, so calls that time out leave the window before they are counted with the others",
                "make SamplingDurationMs at least 4000"));

    [Theory]
    [InlineData("[WithTimeout(AttemptMs = 2000)] [CircuitBreaker(FailureRatio = 0.5, SamplingDurationMs = 4000)]")]
    [InlineData("[WithTimeout(AttemptMs = 2000)] [CircuitBreaker(SamplingDurationMs = 1000)]")] // consecutive mode: no window
    public Task Not_raised_when_the_window_holds_two_attempts_or_there_is_none(string attributes)
        => VerifyAnalyzerAsync(Declaration(attributes));

    [Fact]
    public Task Is_a_warning_that_still_builds()
        => VerifyWholeBuildAsync(Declaration("""
            [WithTimeout(AttemptMs = 1000)]
            [CircuitBreaker({|RG0018:SlowCallDurationMs = 2000|})]
            """));
}
