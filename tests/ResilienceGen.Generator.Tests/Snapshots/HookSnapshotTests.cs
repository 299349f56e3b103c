using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Snapshots;

/// <summary>
/// OnRetry / RetryAfter / Fallback as the generated call passes them (docs/design/generated-code-contract.md, "Hooks"):
/// named trailing arguments, instance hooks called on the state's instance, static ones on the type, generic ones (a generic
/// wrapper's Fallback) with the wrapper's type parameters. Every case must also compile with no warning.
/// </summary>
public sealed class HookSnapshotTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        """;

    private static void VerifyShape(string source, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        GeneratorRun run = GeneratorRun.Of(Usings + source).AssertCleanBuild();

        // A throwing stub also builds cleanly: make sure every method got its real implementation.
        Assert.All(run.GeneratedSources, s => Assert.DoesNotContain("fix the declaration", s.SourceText.ToString(), StringComparison.Ordinal));
        Snapshot.VerifyGenerated(run, test: test);
    }

    [Fact]
    public void AllThreeHooksOnInstanceAndStaticMethods() => VerifyShape("""
        namespace Hooks;

        public sealed record Stock(string Sku, int Quantity);

        public partial class InventoryClient
        {
            [WithRetry(MaxRetries = 4, OnRetry = nameof(OnStockRetry), RetryAfter = nameof(RetryAfterFrom), Fallback = nameof(GetStockFallbackAsync))]
            [CircuitBreaker("inventory")]
            public partial Task<Stock> GetStockAsync(string sku, CancellationToken cancellationToken = default);

            [WithRetry(OnRetry = nameof(LogRetry))]
            public static partial ValueTask PingAsync();

            [CircuitBreaker(Fallback = nameof(CountFallback))]
            public partial ValueTask<int> CountAsync();

            [WithRetry(RetryAfter = nameof(RetryAfterFrom))]
            public partial Task SaveAsync(Stock stock);

            private Task<Stock> GetStockCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(new Stock(sku, 1));
            private static ValueTask PingCoreAsync() => default;
            private ValueTask<int> CountCoreAsync() => new(1);
            private Task SaveCoreAsync(Stock stock) => Task.CompletedTask;

            private void OnStockRetry(int attempt, TimeSpan delay, Exception exception) { }
            private static void LogRetry(int attempt, TimeSpan delay, Exception exception) { }
            private static TimeSpan? RetryAfterFrom(Exception exception) => null;
            private Task<Stock> GetStockFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(new Stock(sku, 0));
            private ValueTask<int> CountFallback(Exception exception) => new(0);
        }
        """);

    [Fact]
    public void GenericWrapperCallsGenericHooksWithItsTypeParameters() => VerifyShape("""
        namespace Hooks;

        public partial class Cache<TKey> where TKey : notnull
        {
            [WithRetry(OnRetry = nameof(OnLoadRetry), Fallback = nameof(LoadFallbackAsync))]
            public partial Task<T> LoadAsync<T>(TKey key) where T : class;

            [CircuitBreaker(Fallback = nameof(StoreFallbackAsync))]
            public static partial Task StoreAsync<T>(T value);

            private Task<T> LoadCoreAsync<T>(TKey key) where T : class => Task.FromException<T>(new InvalidOperationException());
            private static Task StoreCoreAsync<T>(T value) => Task.CompletedTask;

            private void OnLoadRetry(int attempt, TimeSpan delay, Exception exception) { }
            private Task<T> LoadFallbackAsync<T>(TKey key, Exception exception) where T : class => Task.FromException<T>(exception);
            private static Task StoreFallbackAsync<T>(T value, Exception exception) => Task.CompletedTask;
        }
        """);

    [Fact]
    public void HookLambdaParametersStepAroundTheMethodsOwnNames() => VerifyShape("""
        namespace Hooks;

        public partial class Collisions
        {
            [WithRetry(OnRetry = nameof(Seen), RetryAfter = nameof(After), Fallback = nameof(Fallback))]
            public partial Task<int> RunAsync(int __s, int __e, int __attempt, int __delay);

            private Task<int> RunCoreAsync(int __s, int __e, int __attempt, int __delay) => Task.FromResult(__s);

            private void Seen(int attempt, TimeSpan delay, Exception exception) { }
            private TimeSpan? After(Exception exception) => null;
            private Task<int> Fallback(int __s, int __e, int __attempt, int __delay, Exception exception) => Task.FromResult(-1);
        }
        """);
}
