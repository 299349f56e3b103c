using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Robustness;

/// <summary>Starting points for the mutation test: valid declarations and one of each kind of mistake.</summary>
public static class MutationCorpus
{
    public static readonly string[] Seeds =
    {
        InClient("""
            [WithTimeout(AttemptMs = 2_000, TotalMs = 10_000)]
            [WithRetry(MaxRetries = 3, BaseDelayMs = 100)]
            [CircuitBreaker("timed", SlowCallDurationMs = 1_500, FailureRatio = 0.5, SamplingDurationMs = 3_000)]
            public partial Task<int> TimedAsync(string sku, CancellationToken cancellationToken = default);
            private Task<int> TimedCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
            [WithTimeout(AttemptMs = 500)]
            public partial ValueTask PingAsync();
            private ValueTask PingCoreAsync() => default;
            """),
        InClient("""
            public class Failed<T> : Exception { }
            [WithRetry(MaxRetries = 4, BaseDelayMs = 100, Handle = [typeof(TimeoutException)], ShouldHandle = nameof(IsTransient))]
            [CircuitBreaker("inventory", FailureThreshold = 5, BreakDurationMs = 30_000)]
            public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken = default);
            private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
            private static bool IsTransient(Exception exception) => exception is TimeoutException;
            """),
        InClient("""
            [WithRetry(OnRetry = nameof(LogRetry), RetryAfter = nameof(DelayFrom), Fallback = nameof(GetFallbackAsync))]
            [CircuitBreaker("hooks", Fallback = "GetFallbackAsync")]
            public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken = default);
            private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
            private void LogRetry(int attempt, TimeSpan delay, Exception exception) { }
            private static TimeSpan? DelayFrom(Exception exception) => null;
            private Task<int> GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception) => Task.FromResult(0);
            [WithRetry(Fallback = nameof(EchoFallbackAsync), OnRetry = "Missing")]
            public static partial ValueTask<T> EchoAsync<T>(T value) where T : struct;
            private static ValueTask<T> EchoCoreAsync<T>(T value) where T : struct => new(value);
            private ValueTask<U> EchoFallbackAsync<U>(U value, Exception exception) where U : struct => new(value);
            """),
        InNamespace("""
            public static partial class Outer
            {
                public partial class Inner<TKey> where TKey : notnull
                {
                    [WithRetry]
                    public static partial ValueTask<TValue?> FindAsync<TValue>(TKey @event, CancellationToken cancellationToken) where TValue : class;
                    private static ValueTask<TValue?> FindCoreAsync<TValue>(TKey @event, CancellationToken cancellationToken) where TValue : class => default;
                }
            }
            public partial struct Counter
            {
                [CircuitBreaker("shared")]
                public partial Task TickAsync(ref int value, CancellationToken cancellationToken);
                public Task TickCoreAsync(ref int value, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """),
        InClient("""
            [WithRetry]
            public async Task<int> GetAsync(string sku)
            {
                await Task.Yield();
                return sku.Length;
            }
            [CircuitBreaker("shared", FailureThreshold = 3)]
            public partial Task PutAsync(string value, params int[] values);
            internal Task PutCoreAsync(string value, params int[] values) => Task.CompletedTask;
            [WithRetry(MaxRetries = 101, Handle = [typeof(string)])]
            public partial int Count(CancellationToken cancellationToken);
            """),
        InNamespace("""
            public abstract partial class Service
            {
                [WithRetry(ShouldHandle = "IsTransient")]
                public abstract Task RunAsync(CancellationToken cancellationToken);
                [CircuitBreaker]
                public partial Task StopAsync(CancellationToken cancellationToken);
                public partial Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                [WithRetry]
                protected virtual partial Task<T> EchoAsync<T>(T value) where T : struct;
                protected virtual Task<T> EchoCoreAsync<T>(T value) where T : struct => Task.FromResult(value);
                public void Local()
                {
                    [WithRetry] static Task Inner() => Task.CompletedTask;
                }
            }
            """),
        InClient("""
            public sealed record Tenant(string Id, int Region);
            public sealed record Request(Tenant? Tenant, Uri Endpoint);
            [WithRetry]
            [CircuitBreaker("hosts", KeyBy = "request.Endpoint.Host", MaxKeys = 100)]
            public partial Task<int> GetAsync(Request request, CancellationToken cancellationToken = default);
            private Task<int> GetCoreAsync(Request request, CancellationToken cancellationToken) => Task.FromResult(1);
            [CircuitBreaker("tenants", KeyBy = "request.Tenant.Missing", MaxKeys = 0)]
            public partial Task PutAsync(Request request, CancellationToken cancellationToken);
            private Task PutCoreAsync(Request request, CancellationToken cancellationToken) => Task.CompletedTask;
            [CircuitBreaker(KeyBy = "cancellationToken")]
            public partial Task DropAsync(int id, CancellationToken cancellationToken);
            private Task DropCoreAsync(int id, CancellationToken cancellationToken) => Task.CompletedTask;
            """),
    };
}
