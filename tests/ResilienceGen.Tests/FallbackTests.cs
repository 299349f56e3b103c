using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>
/// The generated Fallback hook through all four entry points: when it answers (rejection, exhaustion, a
/// breaker-only counted failure), that its answer or its exception reaches the caller, and when it must not run.
/// </summary>
public class FallbackTests : RuntimeTestBase
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
    public async Task Exhausted_retries_call_the_fallback_with_the_last_exception_and_return_its_value(EntryPoint kind)
    {
        var thrown = new List<Exception>();
        var call = new Hooked(AlwaysFailing(thrown)) { FallbackValue = 42 };

        Assert.Equal(42, await Drive(call.Run(kind, Method(Retry(2), null))));

        Assert.Equal(3, call.Body.Calls); // every retry was used first
        Assert.Same(thrown[2], Assert.Single(call.FallbackCalls));
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task A_rejection_before_the_first_attempt_calls_the_fallback_instead_of_the_body(EntryPoint kind)
    {
        ResilientMethod method = Method(Retry(3), Breaker("inventory"));
        method.Breaker!.Isolate();
        var call = new Hooked(Flaky.Succeeding()) { FallbackValue = 7 };

        Task<int> run = call.Run(kind, method);

        Assert.True(run.IsCompleted); // answered on the spot, no retry loop
        Assert.Equal(7, await run);
        Assert.Equal(0, call.Body.Calls);
        var rejection = Assert.IsType<CircuitBreakerOpenException>(Assert.Single(call.FallbackCalls));
        Assert.Equal("inventory", rejection.BreakerName);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task A_rejection_between_retries_calls_the_fallback(EntryPoint kind)
    {
        // The first failure opens the breaker; the retry after the delay is rejected.
        ResilientMethod method = Method(Retry(3), Breaker(failureThreshold: 1));
        var call = new Hooked(Flaky.Always(() => new InvalidOperationException())) { FallbackValue = 9 };

        Assert.Equal(9, await Drive(call.Run(kind, method)));

        Assert.Equal(1, call.Body.Calls);
        Assert.IsType<CircuitBreakerOpenException>(Assert.Single(call.FallbackCalls));
        Assert.Equal(CircuitState.Open, method.Breaker!.State);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task A_breaker_only_method_falls_back_on_a_counted_failure(EntryPoint kind)
    {
        var failure = new InvalidOperationException("down");
        ResilientMethod method = Method(null, Breaker(failureThreshold: 5));
        var call = new Hooked(Flaky.Always(() => failure)) { FallbackValue = 5 };

        Assert.Equal(5, await call.Run(kind, method));

        Assert.Same(failure, Assert.Single(call.FallbackCalls));
        Assert.Equal(1, method.Breaker!.Metrics.FailureCount); // still counted by the breaker
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task The_fallbacks_own_exception_reaches_the_caller_as_a_faulted_task(EntryPoint kind)
    {
        var fallbackFailure = new NotSupportedException("no cached value");
        var call = new Hooked(Flaky.Always(() => new InvalidOperationException())) { FallbackThrows = fallbackFailure };

        Task<int> run = call.Run(kind, Method(Retry(1), null)); // a synchronous throw would escape here
        Assert.Same(fallbackFailure, await Assert.ThrowsAsync<NotSupportedException>(() => Drive(run)));

        ResilientMethod rejecting = Method(null, Breaker());
        rejecting.Breaker!.Isolate();
        Task<int> rejected = call.Run(kind, rejecting);
        Assert.Same(fallbackFailure, await Assert.ThrowsAsync<NotSupportedException>(() => rejected));
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task A_fallback_that_completes_later_is_awaited(EntryPoint kind)
    {
        var call = new Hooked(Flaky.Always(() => new InvalidOperationException())) { FallbackValue = 11, FallbackYields = true };
        Assert.Equal(11, await Drive(call.Run(kind, Method(Retry(1), null))));

        ResilientMethod rejecting = Method(null, Breaker());
        rejecting.Breaker!.Isolate();
        Assert.Equal(11, await call.Run(kind, rejecting));
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task The_callers_cancellation_never_reaches_the_fallback(EntryPoint kind)
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var cancelled = new Hooked(Flaky.Always(() => new OperationCanceledException(cts.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Drive(cancelled.Run(kind, Method(Retry(3), Breaker()), cancellationToken: cts.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Drive(cancelled.Run(kind, Method(null, Breaker()), cancellationToken: cts.Token)));
        Assert.Empty(cancelled.FallbackCalls);

        // Cancelled while waiting for a retry: the delay's cancellation reaches the caller, not the fallback.
        using var later = new CancellationTokenSource();
        var waiting = new Hooked(Flaky.Always(() => new InvalidOperationException()));
        Task<int> run = waiting.Run(kind, Method(Retry(3, 1_000), null), cancellationToken: later.Token);
        Assert.Equal([TimeSpan.FromSeconds(1)], Time.ScheduledDueTimes); // the one timer of the test: the retry delay,
        Assert.Equal(TimeSpan.FromSeconds(1), Time.NextDueIn);            // still pending
        later.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(waiting.FallbackCalls);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task Exceptions_the_filters_exclude_reach_the_caller_without_the_fallback(EntryPoint kind)
    {
        var excluded = new ArgumentException("bad request");
        var call = new Hooked(Flaky.Always(() => excluded));

        Assert.Same(excluded, await Assert.ThrowsAsync<ArgumentException>(
            () => Drive(call.Run(kind, Method(Retry(3), Breaker()), retryFilter: static (_, e) => e is not ArgumentException))));
        Assert.Equal(1, call.Body.Calls);

        // On the last attempt too: the retry filter still decides.
        var lastAttempt = new Hooked(new Flaky(n => n == 1 ? new InvalidOperationException() : excluded));
        Assert.Same(excluded, await Assert.ThrowsAsync<ArgumentException>(
            () => Drive(lastAttempt.Run(kind, Method(Retry(1), null), retryFilter: static (_, e) => e is not ArgumentException))));
        Assert.Equal(2, lastAttempt.Body.Calls);

        // Breaker-only: what the breaker's filter excludes is not a failure, so no fallback.
        Assert.Same(excluded, await Assert.ThrowsAsync<ArgumentException>(
            () => call.Run(kind, Method(null, Breaker()), breakerFilter: static (_, e) => e is not ArgumentException)));

        Assert.Empty(call.FallbackCalls);
        Assert.Empty(lastAttempt.FallbackCalls);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task Success_never_calls_the_fallback(EntryPoint kind)
    {
        var first = new Hooked(Flaky.Succeeding());
        Assert.Equal(1, await first.Run(kind, Method(Retry(3), Breaker())));

        var afterRetries = new Hooked(Flaky.FailingTimes(2));
        Assert.Equal(3, await Drive(afterRetries.Run(kind, Method(Retry(3), Breaker()))));

        Assert.Empty(first.FallbackCalls);
        Assert.Empty(afterRetries.FallbackCalls);
    }

    [Fact]
    public async Task Without_a_fallback_the_exceptions_are_unchanged()
    {
        var thrown = new List<Exception>();
        var call = new Hooked(AlwaysFailing(thrown));
        Exception caught = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Drive(call.Run(EntryPoint.RunTaskOf, Method(Retry(2), null), withFallback: false)));
        Assert.Same(thrown[^1], caught);

        ResilientMethod rejecting = Method(null, Breaker());
        rejecting.Breaker!.Isolate();
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => call.Run(EntryPoint.RunTaskOf, rejecting, withFallback: false));
        Assert.Empty(call.FallbackCalls);
    }

    [Fact]
    public async Task The_kill_switch_bypasses_the_fallback_too()
    {
        ResilientMethod method = Method(Retry(3), Breaker());
        Resilience.Methods.SetEnabled(method.MethodName, false);
        var failure = new InvalidOperationException();
        var call = new Hooked(Flaky.Always(() => failure));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => call.Run(EntryPoint.RunTaskOf, method)));
        Assert.Equal(1, call.Body.Calls);
        Assert.Empty(call.FallbackCalls);
    }

    [Fact]
    public async Task A_fallback_returning_a_null_Task_fails_the_call_with_an_explanation()
    {
        ResilientMethod rejecting = Method(null, Breaker());
        rejecting.Breaker!.Isolate();
        Task run = ResilientInvoker.RunTask(
            rejecting, null, 0, static _ => Task.CompletedTask, null, null, default, fallback: static (_, _) => null!);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Contains("fallback", error.Message);

        Task<int> exhausted = ResilientInvoker.RunTaskOf(
            Method(Retry(0), null), null, 0, static _ => Task.FromException<int>(new TimeoutException()), null, null, default,
            fallback: static (_, _) => null!);
        Assert.Contains("fallback", (await Assert.ThrowsAsync<InvalidOperationException>(() => exhausted)).Message);
    }

    [Fact]
    public async Task Each_fallback_is_counted_and_logged_with_its_reason()
    {
        using MetricCollector<long> fallbacks = CollectInstrument("resiliencegen.fallbacks");
        var logger = new FakeLogger();
        ResilientMethod retrying = Method(Retry(1), null, "Shop.Client.GetAsync");
        ResilientMethod breakerOnly = Method(null, Breaker("inventory", failureThreshold: 1), "Shop.Client.PutAsync");
        var failing = new Hooked(Flaky.Always(() => new InvalidOperationException()));

        await Drive(failing.Run(EntryPoint.RunTaskOf, retrying, logger: logger));      // exhausted
        await failing.Run(EntryPoint.RunTaskOf, breakerOnly, logger: logger);         // failed (and opens the breaker)
        await failing.Run(EntryPoint.RunTaskOf, breakerOnly, logger: logger);         // rejected

        Assert.Equal(
            [("Shop.Client.GetAsync", null, "exhausted"), ("Shop.Client.PutAsync", "inventory", "failed"), ("Shop.Client.PutAsync", "inventory", "rejected")],
            fallbacks.GetMeasurementSnapshot().Select(m => ((string)m.Tags["method"]!, (string?)m.Tags.GetValueOrDefault("breaker"), (string)m.Tags["reason"]!)));
        Assert.All(fallbacks.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));

        FakeLogRecord[] logged = logger.Collector.GetSnapshot().Where(e => e.Id.Name == "FallbackInvoked").ToArray();
        Assert.Equal(["exhausted", "failed", "rejected"], logged.Select(e => e.GetStructuredStateValue("Reason")));
        Assert.All(logged, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.All(logged, e => Assert.Equal(6, e.Id.Id));
        Assert.Equal(failing.FallbackCalls, logged.Select(e => e.Exception));
    }
}
