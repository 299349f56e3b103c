using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>Retry outside the breaker: every attempt passes the breaker; a rejection ends the retry loop at once.</summary>
public class CompositionTests : RuntimeTestBase
{
    [Fact]
    public async Task Every_attempt_counts_for_the_breaker()
    {
        ResilientMethod method = Method(Retry(3), Breaker(failureThreshold: 10));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, Flaky.Always(() => new InvalidOperationException()))));
        Assert.Equal(4, Resilience.Breakers[method.BreakerName!].Metrics.FailureCount);
    }

    [Fact]
    public async Task When_the_breaker_opens_mid_retry_the_caller_gets_CircuitBreakerOpenException_without_further_delays()
    {
        ResilientMethod method = Method(Retry(5), Breaker(failureThreshold: 2, breakDurationMs: 60_000));
        var body = Flaky.Always(() => new InvalidOperationException());
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Drive(Call(method, body)));
        Assert.Equal(2, body.Calls);                      // attempt 3 was rejected, not run
        Assert.Equal(2, Time.ScheduledDueTimes.Count);    // delays before attempts 2 and 3 only
        Assert.Equal(method.BreakerName, rejected.BreakerName);
        Assert.Equal(1, Resilience.Breakers[method.BreakerName!].Metrics.RejectedCount);
    }

    [Fact]
    public async Task A_call_to_an_open_breaker_is_rejected_at_once_with_no_retry()
    {
        ResilientMethod method = Method(Retry(5), Breaker(failureThreshold: 1));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Drive(Call(method, Flaky.Always(() => new InvalidOperationException()))));
        int timersBefore = Time.ScheduledDueTimes.Count;
        var body = Flaky.Succeeding();
        Task<int> call = Call(method, body);
        Assert.True(call.IsFaulted);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => call);
        Assert.Equal(0, body.Calls);
        Assert.Equal(timersBefore, Time.ScheduledDueTimes.Count);
    }

    [Fact]
    public async Task Retry_and_breaker_filters_are_independent()
    {
        // Retried (retry filter says yes) but not a breaker failure (breaker filter says no).
        ResilientMethod method = Method(Retry(2), Breaker(failureThreshold: 1));
        var body = Flaky.FailingTimes(2, () => new TimeoutException());
        int result = await Drive(Call(method, body, retryFilter: static (_, e) => e is TimeoutException, breakerFilter: static (_, _) => false));
        Assert.Equal(3, result);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[method.BreakerName!].State);
    }

    [Fact]
    public async Task A_retry_succeeding_through_a_probe_closes_the_circuit()
    {
        ResilientMethod method = Method(Retry(1, 2_000), Breaker(failureThreshold: 1, breakDurationMs: 1_000));
        var body = Flaky.FailingTimes(1);
        Task<int> call = Call(method, body); // fails: breaker opens; retry waits 2 s, then probes
        Assert.Equal(2, await Drive(call));
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[method.BreakerName!].State);
    }
}
