using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Execution;

/// <summary>
/// A generated method with every layer on (attempt and total timeouts, retry with a budget, a keyed breaker) runs
/// against the real runtime, and its happy path allocates nothing: the generated code itself is measured, in a loop
/// compiled into the consumer, so no reflection or boxing of the test's own sits inside the measurement.
/// </summary>
public sealed class GeneratedAllLayersRunTests
{
    private const int Calls = 20_000;

    private static string Source(string name) => """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Exec;

        public partial class AllLayers
        {
            private static readonly Task<int> Done = Task.FromResult(42);
            public int Calls;

            [WithTimeout(AttemptMs = 10_000, TotalMs = 30_000)]
            [WithRetry(MaxRetries = 2, BudgetPercent = 20)]
            [CircuitBreaker("NAME", KeyBy = "endpoint.Host")]
            public partial Task<int> GetAsync(Uri endpoint, CancellationToken cancellationToken = default);

            private Task<int> GetCoreAsync(Uri endpoint, CancellationToken cancellationToken)
            {
                Calls++;
                return cancellationToken.CanBeCanceled ? Done : Task.FromException<int>(new InvalidOperationException("no timeout token"));
            }

            // Warm-up first (every key seen once, the token source pool filled), then the measured calls.
            public long AllocatedBytesOver(Uri[] endpoints, int calls)
            {
                for (int i = 0; i < 1_000; i++)
                {
                    GetAsync(endpoints[i % endpoints.Length]).GetAwaiter().GetResult();
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < calls; i++)
                {
                    GetAsync(endpoints[i % endpoints.Length]).GetAwaiter().GetResult();
                }

                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        """.Replace("NAME", name);

    [Fact]
    public void EveryLayerOnTheHappyPathAllocatesNothing()
    {
        string name = "all-layers-" + Guid.NewGuid().ToString("N");
        using LoadedConsumer consumer = LoadedConsumer.Load(GeneratorRun.Of(Source(name)));
        object target = consumer.Create("Exec.AllLayers");
        Uri[] endpoints = [new("https://eu.example.com/stock"), new("https://us.example.com/stock")];

        long allocated = (long)target.GetType().GetMethod("AllocatedBytesOver")!.Invoke(target, [endpoints, Calls])!;

        Assert.Equal(0, allocated);
        Assert.Equal(1_000 + Calls, LoadedConsumer.Field<int>(target, "Calls")); // every call reached the body, with a timeout token
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[name + "/eu.example.com"].State);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[name + "/us.example.com"].State);
        Assert.True(Resilience.Budgets.TryGet("Exec.AllLayers.GetAsync", out RetryBudget budget));
        Assert.Equal(0, budget.Spent);
    }
}
