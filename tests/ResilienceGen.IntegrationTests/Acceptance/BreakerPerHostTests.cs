using System.Diagnostics;
using ResilienceGen.IntegrationTests.Client;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>
/// One breaker per host (KeyBy): two real services on two ports; one goes down, calls to it fail fast, and calls to
/// the other are never rejected.
/// </summary>
public sealed class BreakerPerHostTests(FaultyServiceFixture fixture) : ServiceTestBase(fixture)
{
    private static readonly TimeSpan ServiceLatency = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task One_host_down_fails_fast_while_the_other_host_keeps_answering()
    {
        await using FaultyService healthy = await FaultyService.StartAsync();
        FaultyService down = Service;
        down.Plan = FaultPlan.AlwaysFail(latency: ServiceLatency);
        using var http = new HttpClient();
        var client = new HostsClient(http);

        var downOutcomes = new List<(Exception? Failure, TimeSpan Elapsed)>();
        for (int call = 0; call < 40; call++)
        {
            var stopwatch = Stopwatch.StartNew();
            Exception? failure = await Record.ExceptionAsync(() => client.GetItemAsync(down.BaseAddress, "a"));
            downOutcomes.Add((failure, stopwatch.Elapsed));

            // Every call to the healthy host gets through, before, during and after the other's outage.
            Assert.Equal("item:a", await client.GetItemAsync(healthy.BaseAddress, "a"));
        }

        // Three failures open the down host's breaker; nothing after them reaches that service, and it fails fast.
        Assert.Equal(3, down.Counters.Requests);
        Assert.All(downOutcomes.Take(3), o => Assert.IsType<HttpRequestException>(o.Failure));
        string downName = HostsClient.HostsBreaker + "/" + down.BaseAddress.Authority;
        Assert.All(downOutcomes.Skip(3), o => Assert.Equal(downName, Assert.IsType<CircuitBreakerOpenException>(o.Failure).BreakerName));
        TimeSpan slowestRejection = downOutcomes.Skip(3).Max(o => o.Elapsed);
        Assert.True(slowestRejection < ServiceLatency / 2, $"the slowest rejected call took {slowestRejection}");

        Assert.Equal(40, healthy.Counters.Requests);
        CircuitBreaker healthyBreaker = Breaker(HostsClient.HostsBreaker + "/" + healthy.BaseAddress.Authority);
        Assert.Equal(CircuitState.Closed, healthyBreaker.State);
        Assert.Equal((40, 0, 0), (healthyBreaker.Metrics.SuccessCount, healthyBreaker.Metrics.FailureCount, healthyBreaker.Metrics.RejectedCount));
        Assert.Equal(CircuitState.Open, Breaker(downName).State);
        Assert.Equal(37, Breaker(downName).Metrics.RejectedCount);
    }
}
