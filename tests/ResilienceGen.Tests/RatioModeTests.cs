using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>FailureRatio &gt; 0: open on failures/calls ≥ ratio within SamplingDurationMs, after MinimumThroughput calls.</summary>
public class RatioModeTests : RuntimeTestBase
{
    private static CircuitBreakerOptions RatioBreaker(double ratio = 0.5, int minimumThroughput = 10, int samplingMs = 10_000, int failureThreshold = 1)
        => new()
        {
            Name = UniqueName("ratio"),
            FailureRatio = ratio,
            MinimumThroughput = minimumThroughput,
            SamplingDurationMs = samplingMs,
            FailureThreshold = failureThreshold, // ignored in ratio mode: 1 would open at once otherwise
            BreakDurationMs = 5_000,
        };

    private static async Task Outcomes(ResilientMethod method, int successes, int failures)
    {
        for (int i = 0; i < successes; i++)
        {
            await Call(method, Flaky.Succeeding());
        }

        for (int i = 0; i < failures; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Call(method, Flaky.Always(() => new InvalidOperationException())));
        }
    }

    private static CircuitState State(ResilientMethod method) => Resilience.Breakers[method.BreakerName!].State;

    [Fact]
    public async Task Opens_when_the_failure_ratio_is_reached()
    {
        ResilientMethod method = Method(null, RatioBreaker(ratio: 0.5, minimumThroughput: 10));
        await Outcomes(method, successes: 5, failures: 4);
        Assert.Equal(CircuitState.Closed, State(method));
        await Outcomes(method, successes: 0, failures: 1); // 5 of 10
        Assert.Equal(CircuitState.Open, State(method));
    }

    [Fact]
    public async Task Stays_closed_below_the_ratio()
    {
        ResilientMethod method = Method(null, RatioBreaker(ratio: 0.5, minimumThroughput: 10));
        await Outcomes(method, successes: 11, failures: 10); // 10 of 21 < 0.5
        Assert.Equal(CircuitState.Closed, State(method));
    }

    [Fact]
    public async Task MinimumThroughput_calls_are_needed_before_the_ratio_is_judged()
    {
        ResilientMethod method = Method(null, RatioBreaker(ratio: 0.5, minimumThroughput: 10));
        await Outcomes(method, successes: 0, failures: 9); // 100% failures but only 9 calls
        Assert.Equal(CircuitState.Closed, State(method));
        await Outcomes(method, successes: 0, failures: 1);
        Assert.Equal(CircuitState.Open, State(method));
    }

    [Fact]
    public async Task Outcomes_older_than_SamplingDurationMs_slide_out_of_the_window()
    {
        ResilientMethod method = Method(null, RatioBreaker(ratio: 0.5, minimumThroughput: 10, samplingMs: 10_000));
        await Outcomes(method, successes: 0, failures: 9);
        Time.Advance(TimeSpan.FromSeconds(11)); // the nine failures are now outside the window
        await Outcomes(method, successes: 5, failures: 4);
        Assert.Equal(CircuitState.Closed, State(method));
        await Outcomes(method, successes: 0, failures: 1); // 5 of 10 within the window
        Assert.Equal(CircuitState.Open, State(method));
    }

    [Fact]
    public async Task Outcomes_within_SamplingDurationMs_all_count()
    {
        ResilientMethod method = Method(null, RatioBreaker(ratio: 0.5, minimumThroughput: 10, samplingMs: 10_000));
        await Outcomes(method, successes: 0, failures: 5);
        Time.Advance(TimeSpan.FromSeconds(8)); // still within the 10 s window
        await Outcomes(method, successes: 5, failures: 0);
        Assert.Equal(CircuitState.Closed, State(method));
        Time.Advance(TimeSpan.FromMilliseconds(500));
        await Outcomes(method, successes: 0, failures: 1); // 6 of 11 ≥ 0.5
        Assert.Equal(CircuitState.Open, State(method));
    }

    [Fact]
    public async Task FailureThreshold_does_not_apply_in_ratio_mode()
    {
        ResilientMethod method = Method(null, RatioBreaker(ratio: 0.9, minimumThroughput: 10, failureThreshold: 1));
        await Outcomes(method, successes: 2, failures: 5);
        Assert.Equal(CircuitState.Closed, State(method));
    }

    [Fact]
    public async Task Closing_after_a_probe_starts_a_fresh_window()
    {
        ResilientMethod method = Method(null, RatioBreaker(ratio: 0.5, minimumThroughput: 4));
        await Outcomes(method, successes: 0, failures: 4);
        Assert.Equal(CircuitState.Open, State(method));
        Time.Advance(TimeSpan.FromSeconds(5));
        await Outcomes(method, successes: 1, failures: 0); // probe closes
        Assert.Equal(CircuitState.Closed, State(method));
        await Outcomes(method, successes: 0, failures: 3); // 3 calls < MinimumThroughput in the fresh window
        Assert.Equal(CircuitState.Closed, State(method));
    }
}
