using System.Diagnostics;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.IntegrationTests.Client;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>
/// Cancellation ends a call at once, wherever it is: no further attempt, and no failure counted against the
/// dependency. "Promptly" is measured against waits of 30 s and 60 s, so the bound can be generous.
/// </summary>
public sealed class CancellationTests(FaultyServiceFixture fixture) : ServiceTestBase(fixture)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Longer than any retry delay of these methods' policies would need to send another attempt.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Cancelling_during_a_slow_response_ends_the_call_without_retry_or_breaker_failure()
    {
        Service.Plan = FaultPlan.Healthy(latency: TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource();

        var call = Client.GetItemCancelledDuringResponseAsync("slow", cancellation.Token);
        await Service.Counters.WaitForRequestsAsync(1, ArrivalTimeout);
        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(stopwatch.Elapsed < Prompt, $"the call ended {stopwatch.Elapsed} after cancellation");

        // A retry would have had time to arrive by now (the retry delay is 10 ms); none does.
        await Task.Delay(SettleTime);
        Assert.Equal(1, Service.Counters.Requests);

        // FailureThreshold is 1: had the cancellation counted as a failure, the breaker would be open.
        var breaker = Breaker(ItemsClient.CancelDuringResponseBreaker);
        Assert.Equal(0, breaker.Metrics.FailureCount);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Service.Plan = FaultPlan.Healthy();
        Assert.Equal("item:after", await Client.GetItemCancelledDuringResponseAsync("after"));
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_delay_ends_the_call_without_retry_or_breaker_failure()
    {
        Service.Plan = FaultPlan.AlwaysFail();
        var logger = new FakeLogger<ItemsClient>();
        var client = CreateClient(logger);
        using var cancellation = new CancellationTokenSource();

        var call = client.GetItemCancelledDuringBackoffAsync("x", cancellation.Token);
        // The runtime logs the retry ("RetryScheduled") just before it starts the minute-long delay.
        using (var arrival = new CancellationTokenSource(ArrivalTimeout))
        {
            await logger.Collector.GetLogsAsync(arrival.Token).FirstAsync(r => r.Id.Name == "RetryScheduled", arrival.Token);
        }

        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(stopwatch.Elapsed < Prompt, $"the call ended {stopwatch.Elapsed} after cancellation");

        await Task.Delay(SettleTime);
        Assert.Equal(1, Service.Counters.Requests);

        // The one 500 counts; the cancellation does not (a second failure would open this breaker).
        var breaker = Breaker(ItemsClient.CancelDuringBackoffBreaker);
        Assert.Equal(1, breaker.Metrics.FailureCount);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }
}
