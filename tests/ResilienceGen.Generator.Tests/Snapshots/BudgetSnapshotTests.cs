using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Snapshots;

/// <summary>
/// Retry budgets (API.md §6.3) as the descriptor passes them: a trailing <c>budget:</c> argument, written only when
/// BudgetPercent is above 0 (a method without a budget, or with BudgetPercent = 0, gets exactly the code it got before).
/// </summary>
public sealed class BudgetSnapshotTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        """;

    [Fact]
    public void MethodsWithABudget() => Snapshot.VerifyGenerated(GeneratorRun.Of(Usings + """
        namespace Budgets;

        public partial class Catalog
        {
            // Default name (the method's) and floor.
            [WithRetry(MaxRetries = 2, BudgetPercent = 20)]
            public partial Task<int> CountAsync(CancellationToken cancellationToken);

            // A shared budget, with Handle types (another trailing argument before it) and a breaker.
            [WithRetry(BudgetPercent = 12.5, BudgetMinPerSecond = 0, Budget = "catalog", Handle = [typeof(TimeoutException)])]
            [CircuitBreaker("catalog-breaker")]
            public partial ValueTask SaveAsync(int id);

            // BudgetPercent = 0 is no budget: Budget and the floor are not written.
            [WithRetry(BudgetPercent = 0, Budget = "unused", BudgetMinPerSecond = 3)]
            public partial Task PingAsync();

            private Task<int> CountCoreAsync(CancellationToken cancellationToken) => Task.FromResult(1);
            private ValueTask SaveCoreAsync(int id) => default;
            private Task PingCoreAsync() => Task.CompletedTask;
        }
        """).AssertCleanBuild());
}
