using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ResilienceGen.IntegrationTests.Client;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>
/// 10,000 calls from 50 concurrent callers against a service failing 20% of requests. The service draws each
/// item's faults from its own seeded sequence, so although callers interleave differently on every run, the
/// outcome of every call, and so every count below, is the same each time and asserted exactly.
/// </summary>
public sealed class LoadTests(FaultyServiceFixture fixture, ITestOutputHelper output) : ServiceTestBase(fixture)
{
    private const int Calls = 10_000;
    private const int Callers = 50;
    private const double FaultProbability = 0.2;
    private const int Seed = 20261122;
    private const int MaxAttempts = 5; // MaxRetries 4
    private const string Method = "ResilienceGen.IntegrationTests.Client.ItemsClient.GetItemUnderLoadAsync";

    /// <summary>A lost or hung call would keep its caller from finishing; generous for a few seconds' work.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_call_ends_nearly_all_succeed_and_requests_equal_calls_plus_reported_retries()
    {
        var expected = Replay();
        Service.Plan = FaultPlan.FailWithProbabilityPerItem(FaultProbability, Seed);
        using var metrics = new MethodMetrics(Method);
        var successes = 0;
        var wrongItems = 0;
        var failures = new ConcurrentQueue<Exception>();
        var nextCall = -1;

        async Task CallerAsync()
        {
            for (var call = Interlocked.Increment(ref nextCall); call < Calls; call = Interlocked.Increment(ref nextCall))
            {
                var id = call.ToString(System.Globalization.CultureInfo.InvariantCulture);
                try
                {
                    var item = await Client.GetItemUnderLoadAsync(id);
                    Interlocked.Increment(ref item == "item:" + id ? ref successes : ref wrongItems);
                }
                catch (Exception failure)
                {
                    failures.Enqueue(failure);
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(CallerAsync))).WaitAsync(Deadline);
        output.WriteLine(
            $"{Calls} calls in {stopwatch.Elapsed.TotalSeconds:F1} s: {successes} succeeded, {failures.Count} failed; " +
            $"{Service.Counters.Requests} requests, {metrics.Retries} retries reported; " +
            $"{Service.Counters.ConnectionsAccepted} connections, at most {Service.Counters.PeakOpenConnections} open at once");

        // Every call ended in a result or a surfaced exception.
        Assert.Equal(0, wrongItems);
        Assert.Equal(Calls, successes + failures.Count);
        Assert.True(successes >= Calls * 0.999, $"{successes} of {Calls} calls succeeded");
        Assert.Equal(expected.Successes, successes);
        Assert.All(failures, failure =>
            Assert.Equal(HttpStatusCode.InternalServerError, Assert.IsType<HttpRequestException>(failure).StatusCode));

        // Requests seen by the service = calls + retries the runtime reported, and match the replay exactly.
        Assert.Equal(Calls + metrics.Retries, Service.Counters.Requests);
        Assert.Equal(expected.Requests, Service.Counters.Requests);
        Assert.Equal(Service.Counters.Requests, metrics.Attempts);
        Assert.Equal(0, metrics.Rejections);

        // The breaker counted every attempt, under contention, exactly once.
        var breaker = Breaker(ItemsClient.LoadBreaker);
        Assert.Equal(Service.Counters.Faults, breaker.Metrics.FailureCount);
        Assert.Equal(Service.Counters.Requests - Service.Counters.Faults, breaker.Metrics.SuccessCount);
        Assert.Equal(0, breaker.Metrics.RejectedCount);

        // Responses are disposed: connections in use never outnumber callers by much (a leak would hold one per
        // failed attempt, thousands here).
        Assert.True(Service.Counters.PeakOpenConnections <= 2 * Callers, $"peak {Service.Counters.PeakOpenConnections} open connections");
    }

    /// <summary>What the service will do, call by call, worked out from a second plan with the same seed.</summary>
    private static (int Successes, int Requests) Replay()
    {
        var plan = FaultPlan.FailWithProbabilityPerItem(FaultProbability, Seed);
        var successes = 0;
        var requests = 0;
        for (var call = 0; call < Calls; call++)
        {
            var id = call.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                requests++;
                if (plan.NextFault(id) is null)
                {
                    successes++;
                    break;
                }
            }
        }

        return (successes, requests);
    }
}
