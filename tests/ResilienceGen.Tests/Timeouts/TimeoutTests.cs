using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests.Timeouts;

/// <summary>
/// [WithTimeout] at run time, on the fake clock: the attempt timeout (between breaker and body) and the total one
/// (outside the retry loop), how each counts for the retry loop, the breaker and the fallback, and what the caller gets.
/// </summary>
public class TimeoutTests : RuntimeTestBase
{
    private static ResilientMethod Timed(RetryOptions? retry, CircuitBreakerOptions? breaker, int attemptMs = 0, int totalMs = 0, string? name = null)
        => new(name ?? UniqueName("Tests.Timed.Method"), retry, breaker, timeout: new TimeoutOptions { AttemptMs = attemptMs, TotalMs = totalMs });

    /// <summary>Calls the way a generated [WithTimeout] wrapper does: the body takes the attempt's token.</summary>
    private static Task<int> Call(ResilientMethod method, TimedBody body, CancellationToken cancellationToken = default,
        Func<TimedBody, Exception, bool>? retryFilter = null, Func<TimedBody, Exception, bool>? breakerFilter = null,
        Func<TimedBody, Exception, Task<int>>? fallback = null)
        => ResilientInvoker.RunTaskOf(method, null, body, static (b, token) => b.RunAsync(token), retryFilter, breakerFilter, cancellationToken, fallback: fallback);

    [Fact]
    public async Task An_attempt_that_times_out_is_retried_and_the_retry_succeeds()
    {
        var body = TimedBody.Steps(TimedStep.Hang, TimedStep.Succeed);
        ResilientMethod method = Timed(Retry(2), null, attemptMs: 1_000);

        int result = await Drive(Call(method, body));

        Assert.Equal(2, result);
        Assert.Equal(2, body.Calls);
        Assert.True(body.Tokens[0].IsCancellationRequested, "the first attempt's token was cancelled by its timeout");
        Assert.Equal(TimeSpan.FromMilliseconds(1_000 + 100), Time.GetUtcNow() - Start);
    }

    [Fact]
    public async Task Attempt_timeouts_that_exhaust_the_retries_reach_the_caller_as_a_ResilienceTimeoutException()
    {
        var body = TimedBody.Steps(TimedStep.Hang);
        ResilientMethod method = Timed(Retry(2), null, attemptMs: 1_000);

        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(Call(method, body)));

        Assert.Equal(TimeoutScope.Attempt, timeout.Scope);
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.Equal(method.MethodName, timeout.MethodName);
        Assert.IsAssignableFrom<OperationCanceledException>(timeout.InnerException);
        Assert.IsAssignableFrom<TimeoutException>(timeout);
        Assert.Equal(3, body.Calls);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_during_a_backoff_delay()
    {
        var body = TimedBody.Steps(TimedStep.Hang, TimedStep.Succeed);
        ResilientMethod method = Timed(Retry(3, baseDelayMs: 5_000), null, attemptMs: 1_000, totalMs: 3_000);

        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(Call(method, body)));

        Assert.Equal(TimeoutScope.Total, timeout.Scope);
        Assert.Equal(TimeSpan.FromSeconds(3), timeout.Timeout);
        Assert.Equal(1, body.Calls); // the delay (5 s) was cut at the deadline; no second attempt
        Assert.Equal(TimeSpan.FromSeconds(3), Time.GetUtcNow() - Start);
        var lastAttempt = Assert.IsType<ResilienceTimeoutException>(timeout.InnerException);
        Assert.Equal(TimeoutScope.Attempt, lastAttempt.Scope);
    }

    [Fact]
    public async Task The_total_timeout_cuts_an_attempt_short_and_that_attempt_is_no_breaker_failure()
    {
        var body = TimedBody.Steps(TimedStep.Hang);
        CircuitBreakerOptions breakerOptions = Breaker(failureThreshold: 5);
        ResilientMethod method = Timed(Retry(5), breakerOptions, attemptMs: 1_000, totalMs: 1_500);

        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(Call(method, body)));

        Assert.Equal(TimeoutScope.Total, timeout.Scope);
        Assert.IsAssignableFrom<OperationCanceledException>(timeout.InnerException);
        Assert.Equal(2, body.Calls); // 1 s attempt, 100 ms delay, the second attempt cut at 1.5 s
        Assert.Equal(TimeSpan.FromMilliseconds(1_500), Time.GetUtcNow() - Start);
        CircuitBreaker breaker = Resilience.Breakers[breakerOptions.Name!];
        Assert.Equal(1, breaker.Metrics.FailureCount); // the attempt timeout only
        Assert.Equal(0, breaker.Metrics.SuccessCount);
    }

    [Fact]
    public async Task The_total_timeout_alone_bounds_a_single_attempt()
    {
        var body = TimedBody.Steps(TimedStep.Hang);
        ResilientMethod method = Timed(null, null, totalMs: 2_000);

        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(Call(method, body)));

        Assert.Equal(TimeoutScope.Total, timeout.Scope);
        Assert.Equal(TimeSpan.FromSeconds(2), Time.GetUtcNow() - Start);
    }

    [Fact]
    public async Task The_callers_cancellation_during_an_armed_attempt_stays_an_OperationCanceledException()
    {
        var body = TimedBody.Steps(TimedStep.Hang);
        ResilientMethod method = Timed(Retry(3), Breaker(), attemptMs: 10_000, totalMs: 60_000);
        using var cts = new CancellationTokenSource();

        Task<int> call = Call(method, body, cts.Token);
        Assert.False(call.IsCompleted);
        Assert.NotEqual(cts.Token, body.Tokens[0]); // the body got the attempt's token, linked to the caller's
        cts.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<ResilienceTimeoutException>(cancelled);
        Assert.Equal(1, body.Calls);
        Assert.Equal(0, Resilience.Breakers[method.BreakerName!].Metrics.FailureCount);
    }

    [Fact]
    public async Task A_body_that_ignores_its_token_and_succeeds_late_returns_its_result()
    {
        var body = new TimedBody(_ => TimedStep.SucceedLate) { LateBy = TimeSpan.FromSeconds(3) };
        using MetricCollector<long> timeouts = CollectInstrument("resiliencegen.timeouts");
        ResilientMethod method = Timed(Retry(2), Breaker(), attemptMs: 1_000);

        int result = await Drive(Call(method, body));

        Assert.Equal(1, result);
        Assert.Equal(1, body.Calls); // cooperative: the wrapper waited for the body, which then succeeded
        Assert.True(body.Tokens[0].IsCancellationRequested);
        Assert.Empty(timeouts.GetMeasurementSnapshot());
        Assert.Equal(1, Resilience.Breakers[method.BreakerName!].Metrics.SuccessCount);
    }

    [Fact]
    public async Task Attempt_timeouts_open_the_breaker_whatever_its_filter_says()
    {
        var body = TimedBody.Steps(TimedStep.Hang);
        ResilientMethod method = Timed(null, Breaker(failureThreshold: 2), attemptMs: 500);

        for (int i = 0; i < 2; i++)
        {
            var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(
                () => Drive(Call(method, body, breakerFilter: static (_, e) => e is HttpRequestException)));
            Assert.Equal(TimeoutScope.Attempt, timeout.Scope);
        }

        Assert.Equal(CircuitState.Open, Resilience.Breakers[method.BreakerName!].State);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, body));
        Assert.Equal(2, body.Calls);
    }

    [Fact]
    public async Task A_retry_filter_that_does_not_accept_the_timeout_lets_the_first_one_through()
    {
        var body = TimedBody.Steps(TimedStep.Hang);
        ResilientMethod method = Timed(Retry(3), null, attemptMs: 500);

        await Assert.ThrowsAsync<ResilienceTimeoutException>(
            () => Drive(Call(method, body, retryFilter: static (_, e) => e is HttpRequestException)));
        Assert.Equal(1, body.Calls);

        var accepting = TimedBody.Steps(TimedStep.Hang, TimedStep.Succeed);
        Assert.Equal(2, await Drive(Call(method, accepting, retryFilter: static (_, e) => e is TimeoutException)));
    }

    [Fact]
    public async Task A_fallback_answers_the_total_timeout_with_reason_timeout()
    {
        using MetricCollector<long> fallbacks = CollectInstrument("resiliencegen.fallbacks");
        var body = TimedBody.Steps(TimedStep.Hang);
        ResilientMethod method = Timed(Retry(1), null, attemptMs: 1_000, totalMs: 1_050);
        Exception? seen = null;

        int result = await Drive(Call(method, body, fallback: (_, e) =>
        {
            seen = e;
            return Task.FromResult(-1);
        }));

        Assert.Equal(-1, result);
        Assert.Equal(TimeoutScope.Total, Assert.IsType<ResilienceTimeoutException>(seen).Scope);
        CollectedMeasurement<long> fallback = Assert.Single(fallbacks.GetMeasurementSnapshot());
        Assert.Equal("timeout", fallback.Tags["reason"]);
    }

    [Fact]
    public async Task A_timeout_is_logged_counted_and_tagged_with_its_scope()
    {
        FakeLogCollector logs = UseFakeLoggerFactory();
        using MetricCollector<long> timeouts = CollectInstrument("resiliencegen.timeouts");
        var body = TimedBody.Steps(TimedStep.Hang);
        ResilientMethod method = Timed(Retry(1), null, attemptMs: 1_000, totalMs: 1_500);

        await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(Call(method, body)));

        FakeLogRecord[] timedOut = logs.GetSnapshot().Where(r => r.Id.Name == "TimedOut").ToArray();
        Assert.Equal(2, timedOut.Length);
        Assert.All(timedOut, r => Assert.Equal(1100, r.Id.Id));
        Assert.All(timedOut, r => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, r.Level));
        Assert.Equal("Attempt", timedOut[0].GetStructuredStateValue("Scope"));
        Assert.Equal("1000", timedOut[0].GetStructuredStateValue("TimeoutMs"));
        Assert.Equal("Total", timedOut[1].GetStructuredStateValue("Scope"));
        Assert.Equal(method.MethodName, timedOut[1].GetStructuredStateValue("Method"));
        Assert.Equal(new object?[] { "attempt", "total" }, timeouts.GetMeasurementSnapshot().Select(m => m.Tags["scope"]).ToArray());
        Assert.All(timeouts.GetMeasurementSnapshot(), m => Assert.Equal(method.MethodName, m.Tags["method"]));
    }

    [Fact]
    public async Task A_timeout_override_changes_the_limit_and_both_zero_switches_it_off()
    {
        ResilientMethod method = Timed(null, null, attemptMs: 1_000);
        Resilience.Methods.ConfigureTimeout(method.MethodName, o => o.AttemptMs = 4_000);

        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(Call(method, TimedBody.Steps(TimedStep.Hang))));
        Assert.Equal(TimeSpan.FromSeconds(4), timeout.Timeout);

        Resilience.Methods.ConfigureTimeout(method.MethodName, o => o.AttemptMs = 0);
        var late = new TimedBody(_ => TimedStep.SucceedLate);
        Assert.Equal(1, await Drive(Call(method, late)));
        Assert.False(late.Tokens[0].CanBeCanceled); // no timeout in force: the body gets the caller's (default) token

        Assert.True(Resilience.Methods.RemoveTimeoutOverride(method.MethodName));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resilience.Methods.ConfigureTimeout(method.MethodName, o => o.TotalMs = 500));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resilience.Methods.ConfigureTimeout(method.MethodName, o => o.AttemptMs = -1));
    }

    private static DateTimeOffset Start => new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
