using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ResilienceGen.IntegrationTests.Client;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>
/// An overloaded service (90 % of requests fail) and a client retrying 3 times: without a budget the retries
/// multiply the load about 3.4 times; with a 20 % budget the service sees at most 1.2 times the calls, plus the
/// floor. Real Kestrel, real HTTP, real clock (the run must stay inside one 10 s budget window).
/// </summary>
public sealed class RetryBudgetTests(FaultyServiceFixture fixture, ITestOutputHelper output) : ServiceTestBase(fixture)
{
    private const int Calls = 300;
    private const int Callers = 10;
    private const double FaultProbability = 0.9;
    private const int Seed = 20261201;
    private const int MaxRetries = 3;
    private const string BudgetedMethod = "ResilienceGen.IntegrationTests.Client.ItemsClient.GetItemWithinBudgetAsync";
    private const string UnbudgetedMethod = "ResilienceGen.IntegrationTests.Client.ItemsClient.GetItemWithoutBudgetAsync";

    /// <summary>The floor of the window: MinPerSecond retries for each of its 10 seconds.</summary>
    private const int Floor = ItemsClient.OverloadBudgetMinPerSecond * 10;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<(int Succeeded, int Failed, TimeSpan Elapsed)> CallManyAsync(Func<string, Task<string>> call)
    {
        var succeeded = 0;
        var failed = 0;
        var nextCall = -1;

        async Task CallerAsync()
        {
            for (var n = Interlocked.Increment(ref nextCall); n < Calls; n = Interlocked.Increment(ref nextCall))
            {
                var id = "budget-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                try
                {
                    Assert.Equal("item:" + id, await call(id));
                    Interlocked.Increment(ref succeeded);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(CallerAsync))).WaitAsync(Deadline);
        return (succeeded, failed, stopwatch.Elapsed);
    }

    [Fact]
    public async Task With_a_20_percent_budget_the_overloaded_service_sees_at_most_1_2_times_the_calls_plus_the_floor()
    {
        Service.Plan = FaultPlan.FailWithProbability(FaultProbability, Seed);
        using var metrics = new MethodMetrics(BudgetedMethod);
        using var exhausted = new MetricCollector<long>(null, "ResilienceGen", "resiliencegen.budget.exhausted");

        var (succeeded, failed, elapsed) = await CallManyAsync(id => Client.GetItemWithinBudgetAsync(id));

        int requests = Service.Counters.Requests;
        output.WriteLine(
            $"with budget: {Calls} calls in {elapsed.TotalSeconds:F2} s, {requests} requests ({(double)requests / Calls:F3} x calls; " +
            $"bound {1.2 * Calls + Floor}), {metrics.Retries} retries, {succeeded} succeeded, {failed} failed");
        Assert.True(elapsed < TimeSpan.FromSeconds(9), $"the run took {elapsed}: longer than one budget window, the bound below would not apply");
        Assert.Equal(Calls, succeeded + failed);
        Assert.True(requests <= (1.2 * Calls) + Floor, $"{requests} requests for {Calls} calls");
        Assert.True(requests >= Calls + Floor, $"{requests} requests: the budget allowed fewer retries than its floor"); // used, not just refused
        Assert.Equal(Calls + metrics.Retries, requests);

        // Every call whose retry was refused ended at once with its failure: counted, tagged with its budget.
        long refused = exhausted.GetMeasurementSnapshot()
            .ContainsTags(new KeyValuePair<string, object?>("method", BudgetedMethod), new KeyValuePair<string, object?>("budget", ItemsClient.OverloadBudget))
            .EvaluateAsCounter();
        Assert.InRange(refused, 1, failed);
        Assert.True(Resilience.Budgets.TryGet(ItemsClient.OverloadBudget, out RetryBudget budget));
        Assert.InRange(budget.Spent, 0, metrics.Retries);
    }

    [Fact]
    public async Task Without_a_budget_the_same_calls_multiply_the_load_by_about_one_plus_max_retries()
    {
        Service.Plan = FaultPlan.FailWithProbability(FaultProbability, Seed);
        using var metrics = new MethodMetrics(UnbudgetedMethod);

        var (succeeded, failed, elapsed) = await CallManyAsync(id => Client.GetItemWithoutBudgetAsync(id));

        int requests = Service.Counters.Requests;
        output.WriteLine(
            $"without budget: {Calls} calls in {elapsed.TotalSeconds:F2} s, {requests} requests ({(double)requests / Calls:F3} x calls), " +
            $"{succeeded} succeeded, {failed} failed");
        Assert.Equal(Calls, succeeded + failed);
        Assert.Equal(Calls + metrics.Retries, requests);
        // 1 + 0.9 + 0.81 + 0.729 = 3.44 requests per call expected at 90 % failures; 1 + MaxRetries = 4 at most.
        Assert.InRange(requests, 3.0 * Calls, (1 + MaxRetries) * Calls);
        Assert.False(Resilience.Budgets.TryGet(UnbudgetedMethod, out _));
    }
}
