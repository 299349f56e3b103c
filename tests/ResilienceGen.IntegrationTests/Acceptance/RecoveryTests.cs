using ResilienceGen.IntegrationTests.Client;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>After the break the breaker lets exactly its probes through, then traffic flows again.</summary>
public sealed class RecoveryTests(FaultyServiceFixture fixture) : ServiceTestBase(fixture)
{
    private const int HalfOpenMaxCalls = 3;
    private const int ConcurrentCallers = 20;
    private static readonly TimeSpan BreakDuration = TimeSpan.FromMilliseconds(1000);

    [Fact]
    public async Task After_the_break_exactly_the_half_open_probes_go_out_then_traffic_flows()
    {
        // Two failures open the breaker; the next call is rejected without reaching the service.
        Service.Plan = FaultPlan.AlwaysFail();
        await Assert.ThrowsAsync<HttpRequestException>(() => Client.GetItemAfterBreakAsync("a"));
        await Assert.ThrowsAsync<HttpRequestException>(() => Client.GetItemAfterBreakAsync("a"));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Client.GetItemAfterBreakAsync("a"));
        Assert.Equal(2, Service.Counters.Requests);
        Assert.Equal(CircuitState.Open, Breaker(ItemsClient.RecoveryBreaker).State);

        // The service heals, but holds its answers until every caller has made its call: the probes are still
        // in flight when the others arrive, however the machine schedules this test.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Service.Plan = FaultPlan.HealthyOnceReleased(release.Task);
        Service.Counters.Reset();
        // Real time: the break is measured by the runtime's clock against a real server.
        await Task.Delay(BreakDuration + TimeSpan.FromMilliseconds(250));

        var probeCalls = StartConcurrentCalls();
        await Service.Counters.WaitForRequestsAsync(HalfOpenMaxCalls, TimeSpan.FromSeconds(10));
        release.SetResult();
        var probePhase = await Task.WhenAll(probeCalls);

        Assert.Equal(HalfOpenMaxCalls, Service.Counters.Requests);
        Assert.Equal(HalfOpenMaxCalls, probePhase.Count(outcome => outcome.Failure is null));
        var rejected = probePhase.Where(outcome => outcome.Failure is not null).ToList();
        Assert.Equal(ConcurrentCallers - HalfOpenMaxCalls, rejected.Count);
        Assert.All(rejected, outcome =>
            Assert.Equal(TimeSpan.Zero, Assert.IsType<CircuitBreakerOpenException>(outcome.Failure).RetryAfter));
        Assert.Equal(CircuitState.Closed, Breaker(ItemsClient.RecoveryBreaker).State);

        // Closed again: every caller gets through.
        Service.Plan = FaultPlan.Healthy();
        var flowing = await Task.WhenAll(StartConcurrentCalls());

        Assert.All(flowing, outcome => Assert.Null(outcome.Failure));
        Assert.Equal(HalfOpenMaxCalls + ConcurrentCallers, Service.Counters.Requests);
    }

    /// <summary>Starts every call before returning: each has passed the breaker (or been rejected) by then.</summary>
    private List<Task<(string? Item, Exception? Failure)>> StartConcurrentCalls() =>
        Enumerable.Range(0, ConcurrentCallers).Select(async i =>
        {
            try
            {
                return ((string?)await Client.GetItemAfterBreakAsync(i.ToString()), (Exception?)null);
            }
            catch (Exception failure)
            {
                return (null, failure);
            }
        }).ToList();
}
