using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;
using static System.FormattableString;

namespace ResilienceGen.Tests;

/// <summary>The generated OnRetry and RetryAfter hooks, as the retry loop calls them; time on the fake clock.</summary>
public class RetryHookTests : RuntimeTestBase
{
    public static TheoryData<EntryPoint> EntryPoints => new()
    {
        EntryPoint.RunTaskOf, EntryPoint.RunTask, EntryPoint.RunValueTaskOf, EntryPoint.RunValueTask,
    };

    private static Flaky AlwaysFailing(List<Exception> thrown) => new(n =>
    {
        var ex = new InvalidOperationException("attempt " + n);
        thrown.Add(ex);
        return ex;
    });

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task OnRetry_sees_every_retry_with_its_attempt_delay_and_exception(EntryPoint kind)
    {
        var thrown = new List<Exception>();
        var call = new Hooked(AlwaysFailing(thrown));
        ResilientMethod method = Method(Retry(3, 100, BackoffKind.Linear), null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(call.Run(kind, method, withFallback: false)));

        Assert.Equal(4, call.Body.Calls);
        Assert.Equal(
            [(1, TimeSpan.FromMilliseconds(100), thrown[0]), (2, TimeSpan.FromMilliseconds(200), thrown[1]), (3, TimeSpan.FromMilliseconds(300), thrown[2])],
            call.Retries);
        Assert.Equal(call.Retries.Select(r => r.Delay), Time.ScheduledDueTimes); // the delay it was told is the one waited
    }

    [Fact]
    public async Task OnRetry_runs_before_the_delay_starts()
    {
        var timersWhenCalled = new List<int>();
        var call = new Hooked(Flaky.FailingTimes(2)) { DuringOnRetry = (_, _, _) => timersWhenCalled.Add(Time.ScheduledDueTimes.Count) };

        Assert.Equal(3, await Drive(call.Run(EntryPoint.RunTaskOf, Method(Retry(3), null))));

        Assert.Equal([0, 1], timersWhenCalled); // retry n's timer did not exist yet when OnRetry n ran
        Assert.Equal(2, Time.ScheduledDueTimes.Count);
    }

    [Fact]
    public async Task OnRetry_carries_the_attempt_and_delay_of_the_retry_log_event()
    {
        var logger = new FakeLogger();
        var call = new Hooked(Flaky.FailingTimes(3));
        ResilientMethod method = Method(new RetryOptions { MaxRetries = 3, BaseDelayMs = 100, Jitter = true, JitterFactor = 0.5 }, null);

        Assert.Equal(4, await Drive(call.Run(EntryPoint.RunTaskOf, method, logger: logger)));

        // FakeLogger keeps structured values as invariant-culture strings.
        FakeLogRecord[] logged = logger.Collector.GetSnapshot().Where(e => e.Id.Name == "RetryScheduled").ToArray();
        Assert.Equal([1, 2, 3], call.Retries.Select(r => r.Attempt));
        Assert.Equal(logged.Select(e => e.GetStructuredStateValue("Attempt")), call.Retries.Select(r => Invariant($"{r.Attempt}")));
        Assert.Equal(logged.Select(e => e.GetStructuredStateValue("DelayMs")), call.Retries.Select(r => Invariant($"{Math.Round(r.Delay.TotalMilliseconds, 1)}")));
        Assert.Equal(logged.Select(e => e.Exception), call.Retries.Select(r => r.Exception));
    }

    [Fact]
    public async Task OnRetry_is_not_called_when_nothing_is_retried()
    {
        var succeeding = new Hooked(Flaky.Succeeding());
        Assert.Equal(1, await succeeding.Run(EntryPoint.RunTaskOf, Method(Retry(3), null)));
        Assert.Empty(succeeding.Retries);

        var excluded = new Hooked(Flaky.Always(() => new ArgumentException()));
        await Assert.ThrowsAsync<ArgumentException>(
            () => Drive(excluded.Run(EntryPoint.RunTaskOf, Method(Retry(3), null), retryFilter: static (_, e) => e is not ArgumentException)));
        Assert.Empty(excluded.Retries);
        Assert.Equal(1, excluded.Body.Calls);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task A_throwing_OnRetry_ends_the_call_with_its_exception(EntryPoint kind)
    {
        var hookFailure = new InvalidTimeZoneException("OnRetry failed");
        using MetricCollector<long> retries = CollectInstrument("resiliencegen.retries");
        var call = new Hooked(Flaky.Always(() => new InvalidOperationException()))
        {
            DuringOnRetry = (_, _, _) => throw hookFailure,
        };

        Exception caught = await Assert.ThrowsAsync<InvalidTimeZoneException>(() => Drive(call.Run(kind, Method(Retry(3), null))));

        Assert.Same(hookFailure, caught);
        Assert.Equal(1, call.Body.Calls);          // no further attempt
        Assert.Empty(Time.ScheduledDueTimes);      // no delay either
        Assert.Empty(call.FallbackCalls);          // the hook's own failure is not one the policy handles
        Assert.Empty(retries.GetMeasurementSnapshot());
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task RetryAfter_replaces_the_backoff_delay(EntryPoint kind)
    {
        var call = new Hooked(Flaky.FailingTimes(2)) { RetryAfterAnswer = _ => TimeSpan.FromMilliseconds(2_500) };
        await Drive(call.Run(kind, Method(Retry(3, 100), null)));
        Assert.Equal([TimeSpan.FromMilliseconds(2_500), TimeSpan.FromMilliseconds(2_500)], Time.ScheduledDueTimes);
        Assert.Equal(Time.ScheduledDueTimes, call.Retries.Select(r => r.Delay)); // OnRetry is told the delay used
    }

    [Fact]
    public async Task RetryAfter_gets_the_failed_attempts_exception_and_null_keeps_the_backoff()
    {
        var seen = new List<Exception>();
        var throttled = new TimeoutException("429, Retry-After: 3");
        var body = new Flaky(n => n switch { 1 => throttled, 2 => new InvalidOperationException(), _ => null });
        var call = new Hooked(body)
        {
            RetryAfterAnswer = e =>
            {
                seen.Add(e);
                return e is TimeoutException ? TimeSpan.FromSeconds(3) : null;
            },
        };

        Assert.Equal(3, await Drive(call.Run(EntryPoint.RunTaskOf, Method(Retry(3, 100, BackoffKind.Exponential), null))));

        Assert.Same(throttled, seen[0]);
        Assert.Equal(2, seen.Count);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(200)], Time.ScheduledDueTimes); // 2nd: backoff
    }

    [Fact]
    public async Task RetryAfter_is_capped_by_MaxDelayMs()
    {
        var call = new Hooked(Flaky.FailingTimes(1)) { RetryAfterAnswer = _ => TimeSpan.FromMinutes(10) };
        var options = new RetryOptions { MaxRetries = 2, BaseDelayMs = 100, MaxDelayMs = 1_500, Jitter = false };
        await Drive(call.Run(EntryPoint.RunTaskOf, Method(options, null)));
        Assert.Equal([TimeSpan.FromMilliseconds(1_500)], Time.ScheduledDueTimes);
        Assert.Equal(TimeSpan.FromMilliseconds(1_500), Assert.Single(call.Retries).Delay);
    }

    [Fact]
    public async Task RetryAfter_is_capped_by_a_runtime_override_of_MaxDelayMs()
    {
        ResilientMethod method = Method(new RetryOptions { MaxRetries = 1, BaseDelayMs = 100, MaxDelayMs = 60_000, Jitter = false }, null);
        Resilience.Methods.ConfigureRetry(method.MethodName, o =>
        {
            o.BaseDelayMs = 100; // checked on its own when configured: MaxDelayMs may not go below BaseDelayMs
            o.MaxDelayMs = 700;
        });
        var call = new Hooked(Flaky.FailingTimes(1)) { RetryAfterAnswer = _ => TimeSpan.FromSeconds(30) };
        await Drive(call.Run(EntryPoint.RunTaskOf, method));
        Assert.Equal([TimeSpan.FromMilliseconds(700)], Time.ScheduledDueTimes);
    }

    [Fact]
    public async Task A_negative_RetryAfter_means_no_delay()
    {
        var call = new Hooked(Flaky.FailingTimes(2)) { RetryAfterAnswer = _ => TimeSpan.FromSeconds(-5) };
        Task<int> run = call.Run(EntryPoint.RunTaskOf, Method(Retry(3, 1_000), null));
        Assert.Equal(3, await Drive(run));
        Assert.Empty(Time.ScheduledDueTimes); // retried at once, no timer
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero], call.Retries.Select(r => r.Delay));
    }

    [Fact]
    public async Task A_throwing_RetryAfter_ends_the_call_with_its_exception()
    {
        var hookFailure = new FormatException("bad Retry-After header");
        var call = new Hooked(Flaky.Always(() => new InvalidOperationException())) { RetryAfterAnswer = _ => throw hookFailure };
        Assert.Same(hookFailure, await Assert.ThrowsAsync<FormatException>(() => Drive(call.Run(EntryPoint.RunTaskOf, Method(Retry(3), null)))));
        Assert.Equal(1, call.Body.Calls);
        Assert.Empty(call.Retries);
        Assert.Empty(call.FallbackCalls);
    }
}
