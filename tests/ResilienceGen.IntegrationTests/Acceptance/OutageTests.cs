using System.Diagnostics;
using ResilienceGen.IntegrationTests.Client;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>During an outage the breaker stops the traffic: the service sees a handful of requests, callers fail fast.</summary>
public sealed class OutageTests(FaultyServiceFixture fixture, ITestOutputHelper output) : ServiceTestBase(fixture)
{
    private static readonly TimeSpan ServiceLatency = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Hundred_calls_reach_a_failing_service_five_times_and_the_rest_fail_fast()
    {
        Service.Plan = FaultPlan.AlwaysFail(latency: ServiceLatency);

        var outcomes = new List<(Exception Failure, TimeSpan Elapsed)>();
        for (var call = 0; call < 100; call++)
        {
            var stopwatch = Stopwatch.StartNew();
            var failure = await Record.ExceptionAsync(() => Client.GetItemThroughOutageAsync("down"));
            outcomes.Add((failure!, stopwatch.Elapsed));
        }

        // Calls run one after another, so the count is exact: call 1 makes 3 attempts (MaxRetries 2), call 2
        // makes 2 more, the fifth consecutive failure opens the breaker, and nothing after that gets through.
        Assert.Equal(5, Service.Counters.Requests);
        Assert.IsType<HttpRequestException>(outcomes[0].Failure);
        Assert.All(outcomes.Skip(1), outcome =>
        {
            var rejected = Assert.IsType<CircuitBreakerOpenException>(outcome.Failure);
            Assert.Equal(ItemsClient.OutageBreaker, rejected.BreakerName);
            Assert.InRange(rejected.RetryAfter, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(600_000));
        });

        // The 98 calls after the breaker opened never waited for the service: each took well under its latency
        // (they take microseconds; half the latency leaves room for a starved test thread).
        var slowestRejection = outcomes.Skip(2).Max(outcome => outcome.Elapsed);
        Assert.True(slowestRejection < ServiceLatency / 2, $"the slowest rejected call took {slowestRejection}");
        output.WriteLine(
            $"98 rejected calls: {outcomes.Skip(2).Sum(outcome => outcome.Elapsed.TotalMilliseconds):F1} ms in all, " +
            $"slowest {slowestRejection.TotalMilliseconds:F2} ms; service latency {ServiceLatency.TotalMilliseconds} ms");

        var breaker = Breaker(ItemsClient.OutageBreaker);
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(5, breaker.Metrics.FailureCount);
        // Call 2's third attempt and every attempt of calls 3..100.
        Assert.Equal(99, breaker.Metrics.RejectedCount);
    }
}
