using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>
/// The seam a fleet shares breakers through (issue 19): transitions told to an observer with their source,
/// decisions applied from outside, the probe-lease wait with its local deadline; the happy path untouched.
/// </summary>
public sealed class FleetSeamTests : RuntimeTestBase
{
    private static readonly Task<int> s_completed = Task.FromResult(42);
    private readonly RecordingObserver _observer = new();

    public FleetSeamTests() => Resilience.Breakers.SetObserver(_observer);

    public override void Dispose()
    {
        Resilience.Breakers.RemoveObserver(_observer);
        base.Dispose();
    }

    private static Flaky Failing() => Flaky.Always(() => new InvalidOperationException("down"));

    private async Task<CircuitBreaker> OpenAsync(ResilientMethod method, int failures = 1)
    {
        for (int i = 0; i < failures; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Failing()));
        }

        return Resilience.Breakers[method.BreakerName!];
    }

    [Fact]
    public void The_happy_path_allocates_nothing_with_an_observer_attached()
    {
        ResilientMethod method = Method(Retry(), Breaker());
        static Task<int> Run(ResilientMethod m) => ResilientInvoker.RunTaskOf(m, null, s_completed, static t => t, null, null, default);

        long allocated = Allocations.Measure(() => Run(method), 10_000);

        Assert.Equal(0, allocated);
        Assert.Empty(_observer.Transitions); // a Closed breaker's calls never reach the observer
    }

    [Fact]
    public async Task The_observer_is_told_every_transition_in_order_with_its_source_and_settings()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 10_000, halfOpenMaxCalls: 2));
        CircuitBreaker breaker = await OpenAsync(method);
        breaker.ApplyDecision(CircuitBreakerDecision.Close);
        breaker.Isolate();

        Assert.Equal(
            [(CircuitState.Closed, CircuitState.Open, CircuitBreakerTransitionSource.Local),
             (CircuitState.Open, CircuitState.Closed, CircuitBreakerTransitionSource.Fleet),
             (CircuitState.Closed, CircuitState.Isolated, CircuitBreakerTransitionSource.Local)],
            _observer.Transitions.Select(t => (t.From, t.To, t.Source)));
        Assert.All(_observer.Transitions, t => Assert.Equal(TimeSpan.FromSeconds(10), t.BreakDuration));
        Assert.All(_observer.Transitions, t => Assert.Equal(2, t.HalfOpenMaxCalls));
    }

    [Fact]
    public async Task OpenFor_opens_a_closed_breaker_for_the_given_remaining_time_and_rejects_without_the_body()
    {
        ResilientMethod method = Method(null, Breaker(breakDurationMs: 30_000));
        await Call(method, Flaky.Succeeding());
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];

        Assert.True(breaker.ApplyDecision(CircuitBreakerDecision.OpenFor(TimeSpan.FromSeconds(4))));

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(TimeSpan.FromSeconds(4), breaker.RemainingBreak);
        var body = Flaky.Succeeding();
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, body));
        Assert.Equal(0, body.Calls);
        Assert.Equal(TimeSpan.FromSeconds(4), rejected.RetryAfter);
        Time.Advance(TimeSpan.FromSeconds(4));
        _observer.LeaseWait = TimeSpan.Zero;
        await Call(method, Flaky.Succeeding()); // the fleet's break is over: admitted as a probe (a rejection would throw), which closes
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task While_a_lease_is_awaited_calls_are_rejected_with_RetryAfter_zero_until_it_is_granted()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1000));
        CircuitBreaker breaker = await OpenAsync(method);
        Time.Advance(TimeSpan.FromSeconds(1));
        _observer.LeaseWait = TimeSpan.FromSeconds(5);

        var body = Flaky.Succeeding();
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, body));
        Assert.Equal(TimeSpan.Zero, rejected.RetryAfter);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.True(breaker.IsAwaitingProbeLease);
        Assert.Equal(1, _observer.LeaseRequests);
        Assert.True(breaker.ApplyDecision(CircuitBreakerDecision.ProbeLeaseRefused(TimeSpan.FromSeconds(5))));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, body));
        Assert.Equal(0, body.Calls);

        Assert.True(breaker.ApplyDecision(CircuitBreakerDecision.ProbeLeaseGranted));
        Assert.False(breaker.IsAwaitingProbeLease);
        await Call(method, body); // admitted (a rejection would throw)
        Assert.Equal(1, body.Calls);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.False(breaker.ApplyDecision(CircuitBreakerDecision.ProbeLeaseGranted)); // no longer fits
    }

    [Fact]
    public async Task A_lease_that_never_comes_lets_the_breaker_probe_alone_when_the_wait_runs_out()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1000));
        CircuitBreaker breaker = await OpenAsync(method);
        Time.Advance(TimeSpan.FromSeconds(1));
        _observer.LeaseWait = TimeSpan.FromSeconds(3);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));

        Time.Advance(TimeSpan.FromSeconds(3));

        await Call(method, Flaky.Succeeding()); // admitted (a rejection would throw)
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task An_isolated_breaker_takes_only_Isolate_and_Reset_from_outside()
    {
        ResilientMethod method = Method(null, Breaker());
        await Call(method, Flaky.Succeeding());
        CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
        Assert.True(breaker.ApplyDecision(CircuitBreakerDecision.Isolate));

        Assert.False(breaker.ApplyDecision(CircuitBreakerDecision.OpenFor(TimeSpan.FromSeconds(1))));
        Assert.False(breaker.ApplyDecision(CircuitBreakerDecision.Close));
        Assert.Equal(CircuitState.Isolated, breaker.State);
        Assert.True(breaker.ApplyDecision(CircuitBreakerDecision.Reset));
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task A_transition_decided_elsewhere_is_counted_with_source_fleet_and_one_decided_here_with_source_local()
    {
        using var transitions = CollectInstrument("resiliencegen.breaker.transitions");
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        CircuitBreaker breaker = await OpenAsync(method);
        breaker.ApplyDecision(CircuitBreakerDecision.Reset);

        var measurements = transitions.GetMeasurementSnapshot().Where(m => (string?)m.Tags["breaker"] == breaker.Name).ToArray();
        Assert.Equal(["local", "fleet"], measurements.Select(m => (string?)m.Tags["source"]));
    }

    [Fact]
    public async Task An_observer_that_throws_is_logged_and_the_breaker_decides_alone()
    {
        FakeLogCollector logs = UseFakeLoggerFactory();
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        _observer.Throw = true;

        CircuitBreaker breaker = await OpenAsync(method);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 1249);
    }

    [Fact]
    public void Only_one_observer_is_attached_at_a_time()
    {
        Assert.Throws<InvalidOperationException>(() => Resilience.Breakers.SetObserver(new RecordingObserver()));
        Assert.False(Resilience.Breakers.RemoveObserver(new RecordingObserver()));
    }

    private sealed class RecordingObserver : ICircuitBreakerObserver
    {
        public List<CircuitBreakerTransition> Transitions { get; } = new();

        public TimeSpan LeaseWait { get; set; }

        public int LeaseRequests { get; private set; }

        public bool Throw { get; set; }

        public void OnTransition(CircuitBreaker breaker, CircuitBreakerTransition transition)
        {
            if (Throw)
            {
                throw new InvalidOperationException("observer failed");
            }

            Transitions.Add(transition);
        }

        public TimeSpan OnProbeLeaseNeeded(CircuitBreaker breaker)
        {
            LeaseRequests++;
            return LeaseWait;
        }
    }
}
