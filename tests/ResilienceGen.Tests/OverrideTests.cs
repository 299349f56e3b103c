using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>Issue 8, runtime part: overrides by breaker and method name while running, and the kill switches.</summary>
public class OverrideTests : RuntimeTestBase
{
    private static Flaky Failing() => Flaky.Always(() => new InvalidOperationException("down"));

    private static async Task FailTimes(ResilientMethod method, int times)
    {
        for (int i = 0; i < times; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Failing()));
        }
    }

    [Fact]
    public async Task A_FailureThreshold_override_applies_to_the_next_call_and_the_breaker_keeps_its_count()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 5));
        await FailTimes(method, 2);
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];

        Resilience.Breakers.Configure(method.BreakerName!, o => o.FailureThreshold = 3);
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, breaker.State); // 2 earlier + 1 now reach the new threshold
        Assert.Same(breaker, Resilience.Breakers[method.BreakerName!]);
    }

    [Fact]
    public async Task A_BreakDurationMs_override_shortens_an_ongoing_break()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 30_000));
        await FailTimes(method, 1);
        Resilience.Breakers.Configure(method.BreakerName!, o => o.BreakDurationMs = 1_000);
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[method.BreakerName!].State);
    }

    [Fact]
    public async Task An_override_configured_before_the_breaker_exists_applies_when_it_is_created()
    {
        string name = UniqueName("future");
        Resilience.Breakers.Configure(name, o => o.FailureThreshold = 1);
        ResilientMethod method = Method(null, Breaker(name, failureThreshold: 50));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[name].State);
    }

    [Fact]
    public async Task The_latest_override_replaces_the_previous_one_and_starts_from_the_declared_settings()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 2, breakDurationMs: 30_000));
        Resilience.Breakers.Configure(method.BreakerName!, o => o.FailureThreshold = 10);
        Resilience.Breakers.Configure(method.BreakerName!, o => o.BreakDurationMs = 1_000);
        await FailTimes(method, 2); // the threshold is the declared 2 again
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(TimeSpan.FromSeconds(1).Ticks, breaker.Settings.BreakDurationTicks);
    }

    [Fact]
    public async Task RemoveOverride_returns_the_breaker_to_its_declared_settings()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 2));
        await Call(method, Flaky.Succeeding());
        Resilience.Breakers.Configure(method.BreakerName!, o => o.FailureThreshold = 10);
        Assert.True(Resilience.Breakers.RemoveOverride(method.BreakerName!));
        Assert.False(Resilience.Breakers.RemoveOverride(method.BreakerName!));
        await FailTimes(method, 2);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[method.BreakerName!].State);
    }

    [Fact]
    public async Task An_override_can_switch_a_breaker_to_ratio_mode()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 100));
        await Call(method, Flaky.Succeeding());
        Resilience.Breakers.Configure(method.BreakerName!, o => { o.FailureRatio = 0.5; o.MinimumThroughput = 4; });
        await Call(method, Flaky.Succeeding());
        await Call(method, Flaky.Succeeding());
        await FailTimes(method, 2);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[method.BreakerName!].State);
    }

    [Fact]
    public async Task An_out_of_range_breaker_override_is_refused_and_changes_nothing()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 2));
        await Call(method, Flaky.Succeeding());
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Resilience.Breakers.Configure(method.BreakerName!, o => o.FailureThreshold = 0));
        Assert.Equal("FailureThreshold", error.ParamName);
        await FailTimes(method, 2);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[method.BreakerName!].State);
    }

    [Fact]
    public async Task A_MaxRetries_override_applies_by_method_name_and_can_be_removed()
    {
        ResilientMethod method = Method(Retry(3), null);
        Resilience.Methods.ConfigureRetry(method.MethodName, o => o.MaxRetries = 1);
        var body = Failing();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, body)));
        Assert.Equal(2, body.Calls);

        Assert.True(Resilience.Methods.RemoveRetryOverride(method.MethodName));
        body = Failing();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, body)));
        Assert.Equal(4, body.Calls);
    }

    [Fact]
    public async Task A_retry_delay_override_changes_the_waits()
    {
        ResilientMethod method = Method(Retry(2, 100), null);
        Resilience.Methods.ConfigureRetry(method.MethodName, o => o.BaseDelayMs = 5);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, Failing())));
        Assert.Equal([5.0, 5.0], Time.ScheduledDueTimes.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task A_retry_override_does_not_add_retries_to_a_method_without_WithRetry()
    {
        ResilientMethod method = Method(null, Breaker());
        Resilience.Methods.ConfigureRetry(method.MethodName, o => o.MaxRetries = 5);
        var body = Failing();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, body)));
        Assert.Equal(1, body.Calls);
    }

    [Fact]
    public void An_out_of_range_retry_override_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resilience.Methods.ConfigureRetry("N.T.M", o => o.MaxRetries = -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resilience.Methods.ConfigureRetry("N.T.M", o => o.JitterFactor = 2));
    }

    [Fact]
    public void A_retry_override_is_checked_against_the_declared_settings_of_the_method()
    {
        // Declared BaseDelayMs 10: a MaxDelayMs of 50 is valid for this method (though below the default 1000).
        ResilientMethod method = Method(Retry(2, 10), null);
        Resilience.Methods.ConfigureRetry(method.MethodName, o => o.MaxDelayMs = 50);

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Resilience.Methods.ConfigureRetry(method.MethodName, o => o.MaxDelayMs = 5));
        Assert.Equal("MaxDelayMs", error.ParamName);
    }

    [Fact]
    public void A_retry_override_for_a_method_not_seen_yet_checks_each_property_alone()
    {
        Resilience.Methods.ConfigureRetry("Not.Built.Yet", o => o.MaxDelayMs = 50);
        Assert.Throws<ArgumentOutOfRangeException>(() => Resilience.Methods.ConfigureRetry("Not.Built.Yet", o => o.MaxDelayMs = -1));
    }

    [Fact]
    public async Task The_global_kill_switch_passes_calls_straight_to_the_body()
    {
        ResilientMethod method = Method(Retry(3), Breaker(failureThreshold: 1));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Drive(Call(method, Failing())));
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Open, breaker.State);
        long countedBefore = breaker.Metrics.SuccessCount + breaker.Metrics.FailureCount + breaker.Metrics.RejectedCount;

        Resilience.Enabled = false;
        Task<int> faulted = Task.FromException<int>(new TimeoutException());
        Assert.Same(faulted, ResilientInvoker.RunTaskOf(method, null, faulted, static t => t, null, null, default)); // no retry, no wrapping
        var body = Flaky.Succeeding();
        Assert.Equal(1, await Call(method, body)); // the open breaker does not reject
        long counted = breaker.Metrics.SuccessCount + breaker.Metrics.FailureCount + breaker.Metrics.RejectedCount;
        Assert.Equal(countedBefore, counted); // nothing counted while switched off

        Resilience.Enabled = true;
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Assert.Equal(CircuitState.Open, breaker.State); // state kept across the switch
    }

    [Fact]
    public async Task The_kill_switch_passes_through_every_return_kind()
    {
        ResilientMethod method = Method(Retry(3), Breaker());
        Resilience.Enabled = false;
        Task pending = new TaskCompletionSource().Task;
        Assert.Same(pending, ResilientInvoker.RunTask(method, null, pending, static t => t, null, null, default));
        var error = new InvalidOperationException();
        ValueTask<int> failedValue = ResilientInvoker.RunValueTaskOf(
            method, null, error, static e => new ValueTask<int>(Task.FromException<int>(e)), null, null, default);
        Assert.Same(error, await Assert.ThrowsAsync<InvalidOperationException>(() => failedValue.AsTask()));
        ValueTask failedVoid = ResilientInvoker.RunValueTask(
            method, null, error, static e => new ValueTask(Task.FromException(e)), null, null, default);
        Assert.Same(error, await Assert.ThrowsAsync<InvalidOperationException>(() => failedVoid.AsTask()));
        Assert.Empty(Time.ScheduledDueTimes); // nothing was retried
    }

    [Fact]
    public async Task The_per_method_kill_switch_affects_only_that_method()
    {
        ResilientMethod off = Method(Retry(3), null);
        ResilientMethod on = Method(Retry(3), null);
        Resilience.Methods.SetEnabled(off.MethodName, false);
        Assert.False(Resilience.Methods.IsEnabled(off.MethodName));

        var offBody = Failing();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(off, offBody)));
        Assert.Equal(1, offBody.Calls);
        var onBody = Failing();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(on, onBody)));
        Assert.Equal(4, onBody.Calls);

        Resilience.Methods.SetEnabled(off.MethodName, true);
        offBody = Failing();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(off, offBody)));
        Assert.Equal(4, offBody.Calls);
    }

    [Fact]
    public async Task The_per_breaker_kill_switch_bypasses_the_breaker_but_keeps_retrying()
    {
        ResilientMethod method = Method(Retry(2), Breaker(failureThreshold: 1));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Drive(Call(method, Failing())));
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];

        Resilience.Breakers.SetEnabled(method.BreakerName!, false);
        Assert.False(Resilience.Breakers.IsEnabled(method.BreakerName!));
        var body = Flaky.FailingTimes(2);
        Assert.Equal(3, await Drive(Call(method, body))); // retried, never rejected
        Assert.Equal(CircuitState.Open, breaker.State);

        Resilience.Breakers.SetEnabled(method.BreakerName!, true);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
    }
}
