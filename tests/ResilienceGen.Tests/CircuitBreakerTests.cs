using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>The breaker's states and settings, driven through the generated-code entry points.</summary>
public class CircuitBreakerTests : RuntimeTestBase
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
    public async Task FailureThreshold_consecutive_failures_open_the_circuit()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 3));
        await FailTimes(method, 2);
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Closed, breaker.State);
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task A_success_restarts_the_consecutive_count()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 3));
        await FailTimes(method, 2);
        await Call(method, Flaky.Succeeding());
        await FailTimes(method, 2);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[method.BreakerName!].State);
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[method.BreakerName!].State);
    }

    [Fact]
    public async Task An_open_circuit_rejects_without_calling_the_body()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 10_000));
        await FailTimes(method, 1);
        var body = Flaky.Succeeding();
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, body));
        Assert.Equal(0, body.Calls);
        Assert.Equal(method.BreakerName, rejected.BreakerName);
        Assert.Equal(TimeSpan.FromSeconds(10), rejected.RetryAfter);
    }

    [Fact]
    public async Task RetryAfter_is_the_time_left_of_the_break()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 10_000));
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromMilliseconds(7_500));
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Assert.Equal(TimeSpan.FromMilliseconds(2_500), rejected.RetryAfter);
    }

    [Fact]
    public async Task BreakDurationMs_later_the_next_call_probes_HalfOpen_and_a_success_closes()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 5_000));
        await FailTimes(method, 1);
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        var transitions = new List<(CircuitState From, CircuitState To)>();
        breaker.StateChanged += (_, e) => transitions.Add((e.From, e.To));

        Time.Advance(TimeSpan.FromMilliseconds(4_999));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Assert.Equal(CircuitState.Open, breaker.State); // lazily: nothing happens until a call

        Time.Advance(TimeSpan.FromMilliseconds(1));
        var probe = Flaky.Succeeding();
        await Call(method, probe);
        Assert.Equal(1, probe.Calls);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal([(CircuitState.Open, CircuitState.HalfOpen), (CircuitState.HalfOpen, CircuitState.Closed)], transitions);
    }

    [Fact]
    public async Task A_failed_probe_reopens_for_a_full_break()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 5_000, successThreshold: 3));
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromSeconds(5));
        await Call(method, Flaky.Succeeding()); // probe 1 of 3 succeeds
        await FailTimes(method, 1);             // probe 2 fails
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Open, breaker.State);
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Assert.Equal(TimeSpan.FromSeconds(5), rejected.RetryAfter);
    }

    [Fact]
    public async Task SuccessThreshold_successful_probes_are_needed_to_close()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1_000, successThreshold: 3));
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        await Call(method, Flaky.Succeeding());
        await Call(method, Flaky.Succeeding());
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        await Call(method, Flaky.Succeeding());
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task HalfOpenMaxCalls_probes_run_at_once_and_the_rest_are_rejected_with_zero_RetryAfter()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1_000, halfOpenMaxCalls: 2, successThreshold: 2));
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        var gate = new TaskCompletionSource<int>();
        Task<int> first = ResilientInvoker.RunTaskOf(method, null, gate, static g => g.Task, null, null, default);
        Task<int> second = ResilientInvoker.RunTaskOf(method, null, gate, static g => g.Task, null, null, default);
        var third = Flaky.Succeeding();
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, third));
        Assert.Equal(0, third.Calls);
        Assert.Equal(TimeSpan.Zero, rejected.RetryAfter);

        gate.SetResult(1);
        await Task.WhenAll(first, second);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[method.BreakerName!].State);
    }

    [Fact]
    public async Task A_finished_probe_frees_its_slot()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1_000, halfOpenMaxCalls: 1, successThreshold: 2));
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Call(method, Flaky.Succeeding());
        var second = Flaky.Succeeding();
        await Call(method, second); // admitted: the first probe is done
        Assert.Equal(1, second.Calls);
    }

    [Fact]
    public async Task Isolate_holds_the_circuit_open_until_Reset()
    {
        ResilientMethod method = Method(null, Breaker(breakDurationMs: 1_000));
        await Call(method, Flaky.Succeeding());
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        breaker.Isolate();
        Assert.Equal(CircuitState.Isolated, breaker.State);
        Time.Advance(TimeSpan.FromDays(1));
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Assert.Equal(TimeSpan.MaxValue, rejected.RetryAfter);
        Assert.Contains("isolated", rejected.Message);

        breaker.Reset();
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
    }

    [Fact]
    public async Task Reset_closes_an_open_circuit_and_clears_the_failure_count()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 2));
        await FailTimes(method, 2);
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Open, breaker.State);
        breaker.Reset();
        Assert.Equal(CircuitState.Closed, breaker.State);
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Closed, breaker.State); // the count restarted

        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task Reset_of_a_closed_breaker_clears_the_consecutive_count_without_an_event()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 2));
        await FailTimes(method, 1);
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        int events = 0;
        breaker.StateChanged += (_, _) => events++;
        breaker.Reset();
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(0, events);
    }

    [Fact]
    public async Task StateChanged_reports_breaker_name_from_and_to_for_each_transition()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1_000));
        await Call(method, Flaky.Succeeding());
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        var seen = new List<CircuitStateChangedEventArgs>();
        breaker.StateChanged += (sender, e) =>
        {
            Assert.Same(breaker, sender);
            seen.Add(e);
        };

        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        await FailTimes(method, 1);
        breaker.Isolate();
        breaker.Reset();

        Assert.All(seen, e => Assert.Equal(breaker.Name, e.BreakerName));
        Assert.Equal(
            [
                (CircuitState.Closed, CircuitState.Open),
                (CircuitState.Open, CircuitState.HalfOpen),
                (CircuitState.HalfOpen, CircuitState.Open),
                (CircuitState.Open, CircuitState.Isolated),
                (CircuitState.Isolated, CircuitState.Closed),
            ],
            seen.Select(e => (e.From, e.To)));
    }

    [Fact]
    public async Task A_throwing_StateChanged_handler_does_not_disturb_the_call_or_the_state()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        await Call(method, Flaky.Succeeding());
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        breaker.StateChanged += (_, _) => throw new InvalidOperationException("handler bug");
        var expected = new TimeoutException();
        Assert.Same(expected, await Assert.ThrowsAsync<TimeoutException>(() => Call(method, Flaky.Always(() => expected))));
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task Metrics_count_successes_failures_and_rejections()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 2));
        await Call(method, Flaky.Succeeding());
        await Call(method, Flaky.Succeeding());
        await Call(method, Flaky.Succeeding());
        await FailTimes(method, 2);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        CircuitBreakerMetrics metrics = Resilience.Breakers[method.BreakerName!].Metrics;
        Assert.Equal(3, metrics.SuccessCount);
        Assert.Equal(2, metrics.FailureCount);
        Assert.Equal(1, metrics.RejectedCount);
    }

    [Fact]
    public async Task Breaker_filter_exclusions_do_not_count_as_failures_but_still_reach_the_caller()
    {
        // Handle = [IOException], Ignore = [FileNotFoundException], as the generator bakes them.
        Func<Flaky, Exception, bool> filter = static (_, e) => e is IOException && !(e is FileNotFoundException);
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        var ignored = new FileNotFoundException();
        Assert.Same(ignored, await Assert.ThrowsAsync<FileNotFoundException>(() => Call(method, Flaky.Always(() => ignored), breakerFilter: filter)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Failing(), breakerFilter: filter));
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(0, breaker.Metrics.FailureCount);

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Call(method, Flaky.Always(() => new DirectoryNotFoundException()), breakerFilter: filter));
        Assert.Equal(CircuitState.Open, breaker.State); // a Handle subtype counts
    }

    [Fact]
    public async Task Breaker_ShouldHandle_filter_must_also_say_yes()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        await Assert.ThrowsAsync<IOException>(() => Call(
            method, Flaky.Always(() => new IOException("client error")), breakerFilter: static (_, e) => e is IOException && !e.Message.Contains("client")));
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[method.BreakerName!].State);
    }

    [Fact]
    public async Task Caller_cancellation_is_never_a_breaker_failure()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        await Assert.ThrowsAsync<OperationCanceledException>(
            () => Call(method, Flaky.Always(() => new OperationCanceledException(cts.Token)), cancellationToken: cts.Token));
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(0, breaker.Metrics.FailureCount);
        Assert.Equal(0, breaker.Metrics.SuccessCount);
    }

    [Fact]
    public async Task A_cancelled_probe_frees_its_slot_without_deciding_anything()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1_000));
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<OperationCanceledException>(
            () => Call(method, Flaky.Always(() => new OperationCanceledException(cts.Token)), cancellationToken: cts.Token));
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        await Call(method, Flaky.Succeeding());
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task Without_a_Name_the_breaker_is_named_after_the_method()
    {
        var method = new ResilientMethod("Shop.InventoryClient.GetStockAsync", null, new CircuitBreakerOptions());
        await Call(method, Flaky.Succeeding());
        Assert.Equal("Shop.InventoryClient.GetStockAsync", Resilience.Breakers["Shop.InventoryClient.GetStockAsync"].Name);
    }

    [Fact]
    public async Task Methods_naming_one_breaker_share_it_and_the_first_settings_win()
    {
        string name = UniqueName("shared");
        ResilientMethod first = Method(null, Breaker(name, failureThreshold: 2));
        ResilientMethod second = Method(null, Breaker(name, failureThreshold: 50));
        await FailTimes(first, 1);
        await FailTimes(second, 1);
        CircuitBreaker breaker = Resilience.Breakers[name];
        Assert.Equal(CircuitState.Open, breaker.State);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(second, Flaky.Succeeding()));
        Assert.Single(Resilience.Breakers.All, b => b.Name == name);
    }

    [Fact]
    public async Task A_breaker_exists_in_the_registry_once_a_method_naming_it_is_called()
    {
        ResilientMethod method = Method(null, Breaker());
        Assert.False(Resilience.Breakers.TryGet(method.BreakerName!, out _));
        await Call(method, Flaky.Succeeding());
        Assert.True(Resilience.Breakers.TryGet(method.BreakerName!, out CircuitBreaker breaker));
        Assert.Equal(method.BreakerName, breaker.Name);
    }

    [Fact]
    public async Task A_throwing_breaker_filter_counts_as_a_failure_and_frees_the_probe_slot()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1_000));
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        var filterBug = new NotSupportedException("bug in ShouldHandle");
        var thrown = await Assert.ThrowsAsync<NotSupportedException>(
            () => Call(method, Failing(), breakerFilter: (_, _) => throw filterBug));
        Assert.Same(filterBug, thrown);
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Open, breaker.State); // the probe counted as failed, not stuck in HalfOpen
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
        Assert.Equal(CircuitState.Closed, breaker.State);
    }
}
