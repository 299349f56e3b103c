using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

/// <summary>
/// The declarations API.md promises to support build without any diagnostic of ours (not even an info) and without any
/// compiler error or warning.
/// </summary>
public class ValidDeclarationTests
{
    [Fact]
    public Task The_API_example_builds_clean()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry(MaxRetries = 4, BaseDelayMs = 100, Handle = [typeof(TimeoutException)])]
            [CircuitBreaker("inventory", FailureThreshold = 5, BreakDurationMs = 30_000)]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken = default);
            private Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
            """));

    [Fact]
    public Task Generic_static_nested_and_keyword_named_declarations_build_clean()
        => VerifyWholeBuildAsync(InNamespace("""
            public static partial class Outer
            {
                public partial class Inner<TKey> where TKey : notnull
                {
                    [WithRetry(ShouldHandle = nameof(IsTransient))]
                    public static partial ValueTask<TValue?> FindAsync<TValue>(TKey @event, CancellationToken cancellationToken) where TValue : class;
                    private static ValueTask<TValue?> FindCoreAsync<TValue>(TKey @event, CancellationToken cancellationToken) where TValue : class => default;
                    private static bool IsTransient(Exception exception) => exception is TimeoutException;
                }
            }
            """));

    [Fact]
    public Task Valid_hooks_static_instance_and_generic_build_clean()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry(OnRetry = nameof(LogRetry), RetryAfter = nameof(DelayFrom), Fallback = nameof(GetFallbackAsync))]
            [CircuitBreaker("inventory", Fallback = nameof(GetFallbackAsync))]
            public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken = default);
            private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
            private void LogRetry(int attempt, TimeSpan delay, Exception exception) { }
            private static TimeSpan? DelayFrom(Exception exception) => null;
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);

            [WithRetry(OnRetry = nameof(LogStaticRetry), Fallback = nameof(EchoFallbackAsync))]
            public static partial ValueTask<T> EchoAsync<T>(T value, CancellationToken cancellationToken) where T : notnull;
            private static ValueTask<T> EchoCoreAsync<T>(T value, CancellationToken cancellationToken) where T : notnull => new(value);
            private static void LogStaticRetry(int attempt, TimeSpan delay, Exception exception) { }
            private static ValueTask<TItem> EchoFallbackAsync<TItem>(TItem item, CancellationToken cancellationToken, Exception exception) where TItem : notnull => new(item);

            [CircuitBreaker(Fallback = nameof(PingFallbackAsync))]
            public partial Task PingAsync(CancellationToken cancellationToken);
            private Task PingCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private static Task PingFallbackAsync(CancellationToken cancellationToken, Exception exception) => Task.CompletedTask;
            """));
}
