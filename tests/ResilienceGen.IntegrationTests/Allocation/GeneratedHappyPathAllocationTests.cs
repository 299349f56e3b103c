using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.IntegrationTests.Allocation;

/// <summary>
/// Issue 21: the synchronous happy path of every new layer's generated wrapper allocates nothing, each layer on its
/// own ([WithTimeout]; a keyed [CircuitBreaker]; a retry budget) and all four together, measured around the wrappers
/// the generator wrote into this project (<see cref="HappyPathProbe"/>) with the runtime tests' own
/// <see cref="Allocations.Measure"/> (linked in, not copied). The runtime tests (ResilienceGen.Tests:
/// TimeoutAllocationTests, KeyedAllocationTests, BudgetTests) measure the runtime's entry points with hand-written
/// callers; GeneratedAllLayersRunTests (ResilienceGen.Generator.Tests) measures a generated Task&lt;int&gt; method with
/// all layers in a loop compiled into it. These measure the generated code of each layer alone, as built by MSBuild.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class GeneratedHappyPathAllocationTests
{
    private const int Calls = 10_000;
    private const int WarmUp = 1_000;

    private static readonly Uri[] Endpoints = [new("https://eu.example.com/stock"), new("https://us.example.com/stock"), new("https://eu.example.com/price")];

    private readonly HappyPathProbe _probe = new();

    public GeneratedHappyPathAllocationTests() => Resilience.TimeProvider = TimeProvider.System; // the default, which pools the timeout sources

    [Fact]
    public void A_timeout_alone_allocates_nothing()
    {
        long allocated = Allocations.Measure(() => _probe.GetTimedAsync().GetAwaiter().GetResult(), Calls, WarmUp);

        Assert.Equal(0, allocated);
        Assert.Equal(WarmUp + Calls, _probe.BodyCalls); // every call reached the body with a timeout token
    }

    [Fact]
    public void A_keyed_breaker_alone_allocates_nothing_for_keys_seen_before()
    {
        int i = 0;

        long allocated = Allocations.Measure(() => _probe.GetKeyedAsync(Endpoints[i++ % Endpoints.Length]).GetAwaiter().GetResult(), Calls, WarmUp);

        Assert.Equal(0, allocated);
        Assert.Equal(WarmUp + Calls, _probe.BodyCalls);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[HappyPathProbe.KeyedBreaker + "/eu.example.com"].State);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[HappyPathProbe.KeyedBreaker + "/us.example.com"].State);
    }

    [Fact]
    public void A_retry_budget_alone_allocates_nothing()
    {
        long allocated = Allocations.Measure(() => _probe.GetBudgetedAsync().GetAwaiter().GetResult(), Calls, WarmUp);

        Assert.Equal(0, allocated);
        Assert.Equal(WarmUp + Calls, _probe.BodyCalls);
        Assert.True(Resilience.Budgets.TryGet(HappyPathProbe.Budget, out RetryBudget budget));
        Assert.True(budget.Calls > 0, "the calls were not counted into the budget");
        Assert.Equal(0, budget.Spent);
    }

    [Fact]
    public void All_four_layers_together_allocate_nothing()
    {
        int i = 0;

        long allocated = Allocations.Measure(() => _probe.GetAllLayersAsync(Endpoints[i++ % Endpoints.Length]).GetAwaiter().GetResult(), Calls, WarmUp);

        Assert.Equal(0, allocated);
        Assert.Equal(WarmUp + Calls, _probe.BodyCalls);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[HappyPathProbe.AllLayersBreaker + "/eu.example.com"].State);
        Assert.True(Resilience.Budgets.TryGet(HappyPathProbe.AllLayersBudget, out RetryBudget budget));
        Assert.True(budget.Calls > 0, "the calls were not counted into the budget");
    }

    [Fact]
    public void All_four_layers_on_a_value_task_method_allocate_nothing()
    {
        int i = 0;

        long allocated = Allocations.Measure(() => _probe.GetAllLayersValueAsync(Endpoints[i++ % Endpoints.Length]).GetAwaiter().GetResult(), Calls, WarmUp);

        Assert.Equal(0, allocated);
        Assert.Equal(WarmUp + Calls, _probe.BodyCalls);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[HappyPathProbe.AllLayersValueTaskBreaker + "/us.example.com"].State);
        Assert.True(Resilience.Budgets.TryGet(HappyPathProbe.AllLayersValueTaskBudget, out RetryBudget budget));
        Assert.True(budget.Calls > 0, "the calls were not counted into the budget");
    }
}
