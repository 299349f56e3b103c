using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Snapshots;

/// <summary>
/// Every layer on one method: total and attempt timeouts, retry with a budget, a keyed breaker that counts slow calls.
/// The fast path reads the key and asks for the attempt's token in one call; the descriptor carries each layer's
/// settings. Compiles with no warning.
/// </summary>
public sealed class AllLayersSnapshotTests
{
    [Fact]
    public void TimeoutRetryWithBudgetAndKeyedBreaker()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ResilienceGen;

            namespace Shop;

            public sealed record Stock(string Sku, int Quantity);

            public partial class InventoryClient
            {
                [WithTimeout(AttemptMs = 2_000, TotalMs = 10_000)]
                [WithRetry(MaxRetries = 3, BudgetPercent = 20, Budget = "inventory")]
                [CircuitBreaker("inventory", KeyBy = "endpoint.Host", MaxKeys = 100, SlowCallDurationMs = 1_500)]
                public partial Task<Stock> GetStockAsync(Uri endpoint, string sku, CancellationToken cancellationToken = default);

                private Task<Stock> GetStockCoreAsync(Uri endpoint, string sku, CancellationToken cancellationToken) => Task.FromResult(new Stock(sku, 1));
            }
            """).AssertCleanBuild();
        Snapshot.VerifyGenerated(run);
    }
}
