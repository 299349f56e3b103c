using System.Diagnostics;
using ResilienceGen.IntegrationTests.Client;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>
/// [WithTimeout] against the real Kestrel service: an endpoint that hangs until its request is aborted. The attempt
/// timeout cancels the HttpClient request (the service sees the abort), and the retry reaches a healthy answer or
/// runs out; no connection is left behind.
/// </summary>
public sealed class TimeoutTests(FaultyServiceFixture fixture) : ServiceTestBase(fixture)
{
    private const string AttemptTimeoutMethod = "ResilienceGen.IntegrationTests.Client.ItemsClient.GetItemWithAttemptTimeoutAsync";
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_attempt_that_hangs_is_aborted_at_its_timeout_and_the_retry_gets_the_answer()
    {
        Service.Plan = FaultPlan.FailNext(1, FaultKind.Stall);
        using var metrics = new MethodMetrics(AttemptTimeoutMethod);

        var stopwatch = Stopwatch.StartNew();
        var item = await Client.GetItemWithAttemptTimeoutAsync("t");

        Assert.Equal("item:t", item);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(300), $"done after {stopwatch.Elapsed}: the stall was not waited out");
        // The hanging request was aborted by the client when its attempt timed out, and the service saw it.
        await Service.Counters.WaitForAbortedRequestsAsync(1, CloseTimeout);
        // Normally 2 attempts. On a starved machine an attempt can time out before its request reaches the service.
        Assert.InRange(metrics.Attempts, 2, 3);
        Assert.Equal(metrics.Attempts - 1, metrics.Retries);
        // The aborted request's connection is dropped; the successful one stays pooled.
        await Service.Counters.WaitForOpenConnectionsAtMostAsync(1, CloseTimeout);
        Assert.True(Breaker(ItemsClient.TimeoutBreaker).Metrics.FailureCount >= 1, "the attempt timeout is a breaker failure");
    }

    [Fact]
    public async Task Attempts_that_always_hang_end_with_the_attempt_timeout_after_every_retry()
    {
        Service.Plan = FaultPlan.AlwaysFail(FaultKind.Stall);
        using var metrics = new MethodMetrics(AttemptTimeoutMethod);

        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Client.GetItemWithAttemptTimeoutAsync("h"));

        Assert.Equal(TimeoutScope.Attempt, timeout.Scope);
        Assert.Equal(TimeSpan.FromMilliseconds(300), timeout.Timeout);
        Assert.IsAssignableFrom<OperationCanceledException>(timeout.InnerException);
        Assert.Equal(3, metrics.Attempts);
        // Every request that reached the service was aborted, so none of its handlers is still waiting.
        await Service.Counters.WaitForAbortedRequestsAsync(Service.Counters.Requests, CloseTimeout);
        Assert.InRange(Service.Counters.Requests, 1, 3);
        await Service.Counters.WaitForOpenConnectionsAtMostAsync(0, CloseTimeout);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_at_its_deadline_and_aborts_the_request_in_flight()
    {
        Service.Plan = FaultPlan.AlwaysFail(FaultKind.Stall);

        var stopwatch = Stopwatch.StartNew();
        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Client.GetItemWithTotalTimeoutAsync("d"));

        Assert.Equal(TimeoutScope.Total, timeout.Scope);
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(1), $"ended after {stopwatch.Elapsed}, before the deadline");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"ended only after {stopwatch.Elapsed}");
        // One attempt, cut short by the deadline: never retried. On a starved machine its request may not have
        // reached the service by then; every one that did was aborted, so no handler is left waiting.
        Assert.InRange(Service.Counters.Requests, 0, 1);
        await Service.Counters.WaitForAbortedRequestsAsync(Service.Counters.Requests, CloseTimeout);
        await Service.Counters.WaitForOpenConnectionsAtMostAsync(0, CloseTimeout);
    }

    [Fact]
    public async Task The_callers_cancellation_of_a_timed_call_stays_a_cancellation()
    {
        Service.Plan = FaultPlan.AlwaysFail(FaultKind.Stall);
        using var cancellation = new CancellationTokenSource();

        var call = Client.GetItemWithLongTimeoutsAsync("c", cancellation.Token);
        await Service.Counters.WaitForRequestsAsync(1, CloseTimeout);
        cancellation.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<ResilienceTimeoutException>(cancelled);
        // The caller's token reached the HttpClient request through the attempt's linked token.
        await Service.Counters.WaitForAbortedRequestsAsync(1, CloseTimeout);
        Assert.Equal(1, Service.Counters.Requests); // never retried
    }
}
