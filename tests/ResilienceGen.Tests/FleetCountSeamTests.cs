using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>
/// The seam fleet-wide failure counting is built on (issue 20): a count observer hears a Closed breaker's failures and
/// the success ending a streak, nothing else; counts learnt from elsewhere raise, clear or open the breaker.
/// </summary>
public sealed class FleetCountSeamTests : RuntimeTestBase
{
    private static readonly Task<int> s_completed = Task.FromResult(42);
    private readonly CountingObserver _observer = new();

    public FleetCountSeamTests() => Resilience.Breakers.SetObserver(_observer);

    public override void Dispose()
    {
        Resilience.Breakers.RemoveObserver(_observer);
        base.Dispose();
    }

    private static Task Fail(ResilientMethod method)
        => Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException("down"))));

    [Fact]
    public void A_happy_path_with_a_zero_count_allocates_nothing_and_never_reaches_the_count_observer()
    {
        ResilientMethod method = Method(Retry(), Breaker());
        static Task<int> Run(ResilientMethod m) => ResilientInvoker.RunTaskOf(m, null, s_completed, static t => t, null, null, default);

        long allocated = Allocations.Measure(() => Run(method), 10_000);

        Assert.Equal(0, allocated);
        Assert.Equal(0, _observer.Failures);
        Assert.Equal(0, _observer.Cleared);
    }

    [Fact]
    public async Task Failures_are_told_before_the_threshold_opens_and_only_the_first_success_after_them_clears()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 3));
        await Fail(method);
        await Fail(method);
        await Call(method, Flaky.Succeeding());
        await Call(method, Flaky.Succeeding());
        Assert.Equal((2, 1), (_observer.Failures, _observer.Cleared));

        await Fail(method);
        await Fail(method);
        await Fail(method); // opens: the third failure was told too, before the open's transition
        Assert.Equal(CircuitState.Open, Resilience.Breakers[method.BreakerName!].State);
        Assert.Equal(5, _observer.Failures);
        Assert.Equal(["failure", "failure", "cleared", "failure", "failure", "failure", "transition Open"], _observer.Events);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Assert.Equal(5, _observer.Failures); // a rejection is no failure
    }

    [Fact]
    public async Task A_fleet_count_raises_the_local_count_so_the_next_success_clears_the_streak_and_zero_clears_it()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 5));
        await Call(method, Flaky.Succeeding());
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];

        Assert.False(breaker.ApplyFleetFailures(3));
        breaker.ReadCounts(out _, out long failures);
        Assert.Equal(3, failures);
        Assert.False(breaker.ApplyFleetFailures(1)); // never lowers
        breaker.ReadCounts(out _, out failures);
        Assert.Equal(3, failures);

        await Call(method, Flaky.Succeeding());
        Assert.Equal(1, _observer.Cleared); // the streak the fleet built ends with this instance's success
        breaker.ReadCounts(out _, out failures);
        Assert.Equal(0, failures);

        breaker.ApplyFleetFailures(2);
        breaker.ApplyFleetFailures(0); // the streak ended elsewhere
        breaker.ReadCounts(out _, out failures);
        Assert.Equal(0, failures);
        await Call(method, Flaky.Succeeding());
        Assert.Equal(1, _observer.Cleared);
    }

    [Fact]
    public async Task A_fleet_count_at_the_threshold_opens_the_breaker_as_a_local_transition()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 5));
        await Fail(method);
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];

        Assert.True(breaker.ApplyFleetFailures(5));

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal("transition Open", _observer.Events[^1]);
        Assert.True(breaker.ApplyFleetFailures(6)); // reached, already Open: no second transition
        Assert.Single(_observer.Events, e => e.StartsWith("transition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ratio_mode_opens_on_the_fleet_window_by_the_breaker_s_own_thresholds_and_tells_each_failure()
    {
        var options = new CircuitBreakerOptions
        {
            Name = UniqueName("ratio"), FailureRatio = 0.5, MinimumThroughput = 10, SamplingDurationMs = 10_000, BreakDurationMs = 5_000,
        };
        ResilientMethod method = Method(null, options);
        await Call(method, Flaky.Succeeding());
        await Fail(method);
        await Fail(method);
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.True(breaker.IsRatioMode);
        breaker.ReadCounts(out long calls, out long failures);
        Assert.Equal((3, 2), (calls, failures));
        Assert.Equal(2, _observer.Failures);
        Assert.Equal(0, _observer.Cleared); // ratio mode has no streak to clear
        Assert.False(breaker.ApplyFleetFailures(100)); // a consecutive count means nothing here

        Assert.False(breaker.ApplyFleetWindow(9, 9)); // below MinimumThroughput
        Assert.False(breaker.ApplyFleetWindow(12, 5)); // below the ratio
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.ApplyFleetWindow(12, 6));
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task A_throwing_count_observer_never_reaches_the_call()
    {
        _observer.Throw = true;
        ResilientMethod method = Method(null, Breaker(failureThreshold: 2));
        await Fail(method);
        await Call(method, Flaky.Succeeding());
        await Fail(method);
        await Fail(method);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[method.BreakerName!].State);
    }

    private sealed class CountingObserver : ICircuitBreakerObserver, ICircuitBreakerCountObserver
    {
        public List<string> Events { get; } = new();

        public int Failures => Events.Count(e => e == "failure");

        public int Cleared => Events.Count(e => e == "cleared");

        public bool Throw { get; set; }

        public void OnTransition(CircuitBreaker breaker, CircuitBreakerTransition transition) => Events.Add("transition " + transition.To);

        public TimeSpan OnProbeLeaseNeeded(CircuitBreaker breaker) => TimeSpan.Zero;

        public void OnFailureCounted(CircuitBreaker breaker)
        {
            Events.Add("failure");
            if (Throw)
            {
                throw new InvalidOperationException("count observer failed");
            }
        }

        public void OnFailuresCleared(CircuitBreaker breaker)
        {
            Events.Add("cleared");
            if (Throw)
            {
                throw new InvalidOperationException("count observer failed");
            }
        }
    }
}
