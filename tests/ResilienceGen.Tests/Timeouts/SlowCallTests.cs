using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests.Timeouts;

/// <summary>SlowCallDurationMs: a success that took at least that long counts as a breaker failure; the caller still gets its result.</summary>
public class SlowCallTests : RuntimeTestBase
{
    private static CircuitBreakerOptions SlowBreaker(int slowMs, double failureRatio = 0, int failureThreshold = 2)
        => new() { Name = UniqueName("slow"), FailureThreshold = failureThreshold, SlowCallDurationMs = slowMs, FailureRatio = failureRatio, MinimumThroughput = 2 };

    private static Task<int> Call(ResilientMethod method, TimedBody body)
        => ResilientInvoker.RunTaskOf(method, null, body, static (b, t) => b.RunAsync(t), null, null, default);

    [Fact]
    public async Task Slow_successes_open_a_consecutive_mode_breaker_and_their_results_still_reach_the_caller()
    {
        ResilientMethod method = new(UniqueName("Tests.Slow"), null, SlowBreaker(500));
        var body = new TimedBody(_ => TimedStep.SucceedLate) { LateBy = TimeSpan.FromMilliseconds(500) };

        Assert.Equal(1, await Drive(Call(method, body)));
        Assert.Equal(CircuitState.Closed, method.Breaker!.State);
        Assert.Equal(2, await Drive(Call(method, body)));

        Assert.Equal(CircuitState.Open, method.Breaker!.State);
        Assert.Equal(2, method.Breaker.Metrics.FailureCount);
        Assert.Equal(0, method.Breaker.Metrics.SuccessCount);
    }

    [Fact]
    public async Task Slow_successes_open_a_ratio_mode_breaker()
    {
        ResilientMethod method = new(UniqueName("Tests.Slow"), Retry(0), SlowBreaker(500, failureRatio: 0.5, failureThreshold: 100));
        var body = new TimedBody(_ => TimedStep.SucceedLate) { LateBy = TimeSpan.FromMilliseconds(800) };

        Assert.Equal(1, await Drive(Call(method, body)));
        Assert.Equal(2, await Drive(Call(method, body)));

        Assert.Equal(CircuitState.Open, method.Breaker!.State);
    }

    [Fact]
    public async Task A_success_just_under_the_slow_call_duration_is_a_success()
    {
        ResilientMethod method = new(UniqueName("Tests.Slow"), null, SlowBreaker(500, failureThreshold: 1));
        var body = new TimedBody(_ => TimedStep.SucceedLate) { LateBy = TimeSpan.FromMilliseconds(499) };

        await Drive(Call(method, body));
        await Drive(Call(method, body));

        Assert.Equal(CircuitState.Closed, method.Breaker!.State);
        Assert.Equal(2, method.Breaker.Metrics.SuccessCount);
    }

    [Fact]
    public async Task A_slow_success_on_the_generated_fast_path_counts_as_a_failure()
    {
        ResilientMethod method = new(UniqueName("Tests.Slow"), Retry(), SlowBreaker(500, failureThreshold: 1));

        FirstAttempt<Task<int>> first = default;
        Assert.True(first.TryAdmit(method));
        Time.Advance(TimeSpan.FromMilliseconds(600)); // the body runs (synchronously) for 600 ms
        first.Started = Task.FromResult(7);
        Assert.True(FirstAttempt.Succeeded(ref first));

        Assert.Equal(7, await first.Started);
        Assert.Equal(CircuitState.Open, method.Breaker!.State);
    }

    [Fact]
    public void A_breaker_without_SlowCallDurationMs_takes_no_timestamp()
    {
        ResilientMethod method = new(UniqueName("Tests.Slow"), Retry(), Breaker());

        FirstAttempt<Task<int>> first = default;
        Assert.True(first.TryAdmit(method));

        Assert.Equal(0, first.Clock.StartedAt);
    }
}
