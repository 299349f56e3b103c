using System.Runtime.CompilerServices;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>The retry loop through <see cref="ResilientInvoker"/>, time driven by the fake clock.</summary>
public class RetryTests : RuntimeTestBase
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public async Task Attempts_are_MaxRetries_plus_one(int maxRetries)
    {
        var body = Flaky.Always(() => new InvalidOperationException("down"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(Method(Retry(maxRetries), null), body)));
        Assert.Equal(maxRetries + 1, body.Calls);
    }

    [Fact]
    public async Task A_failure_then_a_success_returns_the_success()
    {
        var body = Flaky.FailingTimes(2);
        int result = await Drive(Call(Method(Retry(3), null), body));
        Assert.Equal(3, result);
        Assert.Equal(3, body.Calls);
    }

    [Fact]
    public async Task Default_retry_options_wait_about_1_2_4_seconds_exponentially_with_jitter()
    {
        var body = Flaky.Always(() => new InvalidOperationException());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(Method(new RetryOptions(), null), body)));
        Assert.Equal(4, body.Calls);
        IReadOnlyList<TimeSpan> delays = Time.ScheduledDueTimes;
        Assert.Equal(3, delays.Count);
        double[] nominal = [1000, 2000, 4000];
        for (int i = 0; i < 3; i++)
        {
            Assert.InRange(delays[i].TotalMilliseconds, nominal[i] * 0.8, nominal[i] * 1.2);
        }
    }

    [Theory]
    [InlineData(BackoffKind.Constant, new double[] { 100, 100, 100, 100 })]
    [InlineData(BackoffKind.Linear, new double[] { 100, 200, 300, 400 })]
    [InlineData(BackoffKind.Exponential, new double[] { 100, 200, 400, 800 })]
    public async Task Each_backoff_kind_waits_its_documented_delays(BackoffKind kind, double[] expectedMs)
    {
        var body = Flaky.Always(() => new InvalidOperationException());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(Method(Retry(4, 100, kind), null), body)));
        Assert.Equal(expectedMs, Time.ScheduledDueTimes.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task BaseDelayMs_and_BackoffFactor_shape_the_exponential_delays()
    {
        var options = new RetryOptions { MaxRetries = 3, BaseDelayMs = 50, BackoffFactor = 3.0, Jitter = false };
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Drive(Call(Method(options, null), Flaky.Always(() => new InvalidOperationException()))));
        Assert.Equal([50.0, 150.0, 450.0], Time.ScheduledDueTimes.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task DecorrelatedJitter_delays_stay_between_base_and_three_times_the_previous_and_the_cap()
    {
        // The bounds are checked on the delays OnRetry is told: Task.Delay waits whole milliseconds, so a timer can be
        // up to 1 ms under its delay, and bounds on the timers failed about one run in fifty.
        var options = new RetryOptions { MaxRetries = 8, BaseDelayMs = 100, MaxDelayMs = 2000, Backoff = BackoffKind.DecorrelatedJitter };
        var call = new Hooked(Flaky.Always(() => new InvalidOperationException()));
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Drive(call.Run(EntryPoint.RunTaskOf, Method(options, null), withFallback: false)));
        double[] delays = call.Retries.Select(r => r.Delay.TotalMilliseconds).ToArray();
        double previous = 100;
        foreach (double delay in delays)
        {
            Assert.InRange(delay, 100, Math.Min(2000, previous * 3) + 0.001);
            previous = delay;
        }

        Assert.Equal(8, delays.Length);
        Assert.Equal(8, Time.ScheduledDueTimes.Count);
        Assert.All(delays.Zip(Time.ScheduledDueTimes), pair => Assert.InRange(pair.First - pair.Second.TotalMilliseconds, 0, 1)); // waited as told
    }

    [Fact]
    public async Task MaxDelayMs_caps_every_delay_jitter_included()
    {
        // The delays are read from OnRetry, not from the clock's timers: with JitterFactor 1 a delay can fall under
        // 1 ms, which Task.Delay completes without a timer, so counting timers made this test flaky.
        var options = new RetryOptions { MaxRetries = 10, BaseDelayMs = 400, MaxDelayMs = 1000, Jitter = true, JitterFactor = 1.0 };
        var delays = new List<TimeSpan>();
        for (int run = 0; run < 20; run++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(ResilientInvoker.RunTaskOf(
                Method(options, null), null, (Body: Flaky.Always(() => new InvalidOperationException()), Delays: delays),
                static s => s.Body.CompletedAsync(), null, null, default,
                onRetry: static (s, _, delay, _) => s.Delays.Add(delay))));
        }

        Assert.Equal(200, delays.Count);
        Assert.All(delays, d => Assert.InRange(d.TotalMilliseconds, 0, 1000));
        Assert.Contains(delays, d => d.TotalMilliseconds == 1000); // the cap is reached, not avoided
        Assert.All(Time.ScheduledDueTimes, d => Assert.InRange(d.TotalMilliseconds, 0, 1000));
    }

    [Fact]
    public async Task Jitter_randomizes_each_delay_within_plus_minus_JitterFactor()
    {
        var options = new RetryOptions { MaxRetries = 1, BaseDelayMs = 1000, Backoff = BackoffKind.Constant, Jitter = true, JitterFactor = 0.3 };
        for (int run = 0; run < 200; run++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(
                () => Drive(Call(Method(options, null), Flaky.Always(() => new InvalidOperationException()))));
        }

        double[] delays = Time.ScheduledDueTimes.Select(d => d.TotalMilliseconds).ToArray();
        Assert.All(delays, d => Assert.InRange(d, 700, 1300));
        Assert.Contains(delays, d => d < 900); // spread over the range, not stuck at one end
        Assert.Contains(delays, d => d > 1100);
    }

    [Fact]
    public async Task Jitter_false_gives_exact_delays()
    {
        var options = new RetryOptions { MaxRetries = 2, BaseDelayMs = 250, Backoff = BackoffKind.Constant, Jitter = false, JitterFactor = 0.9 };
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Drive(Call(Method(options, null), Flaky.Always(() => new InvalidOperationException()))));
        Assert.Equal([250.0, 250.0], Time.ScheduledDueTimes.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task Delays_are_real_waits_on_the_TimeProvider()
    {
        var body = Flaky.FailingTimes(1);
        Task<int> call = Call(Method(Retry(1, 500), null), body);
        Assert.Equal(1, body.Calls);
        Time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(1, body.Calls);
        Assert.False(call.IsCompleted);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, await call);
    }

    // Handle / Ignore / ShouldHandle reach the runtime as one generated filter lambda; these are the shapes the
    // generator writes for them (contract: "(e is H) && !(e is I) && state.ShouldHandle(e)").

    [Fact]
    public async Task Handle_retries_the_named_type_and_its_subtypes()
    {
        var body = new Flaky(n => n switch { 1 => new IOException(), 2 => new FileNotFoundException(), _ => null });
        int result = await Drive(Call(Method(Retry(3), null), body, static (_, e) => e is IOException));
        Assert.Equal(3, result);
    }

    [Fact]
    public async Task Handle_does_not_retry_other_types()
    {
        var body = Flaky.Always(() => new InvalidOperationException());
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Drive(Call(Method(Retry(3), null), body, static (_, e) => e is IOException)));
        Assert.Equal(1, body.Calls);
    }

    [Fact]
    public async Task Ignore_wins_over_Handle_for_the_type_and_its_subtypes()
    {
        var body = Flaky.Always(() => new FileNotFoundException());
        await Assert.ThrowsAsync<FileNotFoundException>(() => Drive(Call(
            Method(Retry(3), null), body, static (_, e) => e is IOException && !(e is FileNotFoundException))));
        Assert.Equal(1, body.Calls);
    }

    [Fact]
    public async Task ShouldHandle_must_also_say_yes_and_sees_the_state()
    {
        var body = Flaky.Always(() => new IOException("permanent"));
        Flaky? seen = null;
        await Assert.ThrowsAsync<IOException>(() => Drive(Call(
            Method(Retry(3), null), body, (s, e) => { seen = s; return e is IOException && e.Message != "permanent"; })));
        Assert.Equal(1, body.Calls);
        Assert.Same(body, seen);
    }

    [Fact]
    public async Task Caller_cancellation_is_never_retried()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var body = Flaky.Always(() => new OperationCanceledException(cts.Token));
        await Assert.ThrowsAsync<OperationCanceledException>(
            () => Drive(Call(Method(Retry(3), null), body, cancellationToken: cts.Token)));
        Assert.Equal(1, body.Calls);
        Assert.Empty(Time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Cancellation_not_from_the_callers_token_is_an_ordinary_failure()
    {
        // e.g. HttpClient's own timeout: the caller did not cancel, so it is retried.
        var body = Flaky.FailingTimes(1, () => new TaskCanceledException("timeout"));
        Assert.Equal(2, await Drive(Call(Method(Retry(3), null), body, cancellationToken: CancellationToken.None)));
    }

    [Fact]
    public async Task The_token_cancels_a_backoff_delay()
    {
        using var cts = new CancellationTokenSource();
        var body = Flaky.Always(() => new InvalidOperationException());
        Task<int> call = Call(Method(Retry(3, 10_000), null), body, cancellationToken: cts.Token);
        Assert.False(call.IsCompleted);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, body.Calls);
    }

    [Fact]
    public async Task CircuitBreakerOpenException_from_the_body_is_never_retried()
    {
        var body = Flaky.Always(() => new CircuitBreakerOpenException("inner", TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Drive(Call(Method(Retry(3), null), body)));
        Assert.Equal(1, body.Calls);
    }

    [Fact]
    public async Task After_the_last_attempt_the_caller_gets_that_exception_instance_with_its_original_stack()
    {
        var thrown = new List<Exception>();
        Task<int> call = ResilientInvoker.RunTaskOf(
            Method(Retry(2), null), null, thrown, static list => ThrowFromADeepPlace(list), null, null, default);
        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(call));
        Assert.Equal(3, thrown.Count);
        Assert.Same(thrown[^1], caught);
        Assert.Contains(nameof(ThrowFromADeepPlace), caught.StackTrace);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> ThrowFromADeepPlace(List<Exception> thrown)
    {
        await Task.Yield();
        var ex = new InvalidOperationException("attempt " + (thrown.Count + 1));
        thrown.Add(ex);
        throw ex;
    }

    [Fact]
    public async Task A_body_that_throws_synchronously_is_retried_like_a_faulted_task()
    {
        var body = Flaky.FailingTimes(2);
        Task<int> call = ResilientInvoker.RunTaskOf(Method(Retry(3), null), null, body, static b => b.ThrowingAsync(), null, null, default);
        Assert.Equal(3, await Drive(call));
    }

    [Fact]
    public async Task A_synchronous_throw_on_the_last_attempt_reaches_the_caller_as_a_faulted_task()
    {
        var expected = new InvalidOperationException("sync");
        var body = Flaky.Always(() => expected);
        Task<int> call = ResilientInvoker.RunTaskOf(Method(Retry(0), null), null, body, static b => b.ThrowingAsync(), null, null, default);
        Assert.Same(expected, await Assert.ThrowsAsync<InvalidOperationException>(() => call));
    }

    [Fact]
    public async Task Bodies_that_complete_later_are_awaited_and_retried()
    {
        var body = Flaky.FailingTimes(2);
        Task<int> call = ResilientInvoker.RunTaskOf(Method(Retry(3), null), null, body, static b => b.YieldingAsync(), null, null, default);
        Assert.Equal(3, await Drive(call));
    }

    [Fact]
    public async Task A_body_returning_null_fails_with_a_clear_message()
    {
        Task<int> call = ResilientInvoker.RunTaskOf<int, int>(Method(Retry(0), null), null, 0, static _ => null!, null, null, default);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
        Assert.Contains("null", error.Message);
    }

    [Fact]
    public void The_happy_path_returns_the_bodys_own_completed_task()
    {
        Task<int> cached = Task.FromResult(42);
        Task<int> result = ResilientInvoker.RunTaskOf(Method(Retry(3), Breaker()), null, cached, static t => t, null, null, default);
        Assert.Same(cached, result);
    }
}
