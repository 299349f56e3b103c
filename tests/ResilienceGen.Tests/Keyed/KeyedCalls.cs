using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests.Keyed;

/// <summary>Calls a keyed method (KeyBy) exactly as a generated wrapper does: the keyed fast path, then the entry point.</summary>
internal static class KeyedCalls
{
    public static ResilientMethod KeyedMethod(CircuitBreakerOptions breaker, int maxKeys = 1000, RetryOptions? retry = null, string? methodName = null)
        => new(methodName ?? "Tests.Keyed.Client.Method" + Guid.NewGuid().ToString("N"), retry, breaker, maxKeys: maxKeys);

    public static Task<int> CallKey<TKey>(ResilientMethod method, TKey key, Flaky body)
    {
        FirstAttempt<Task<int>> first = default;
        if (first.TryAdmit(method, key))
        {
            try
            {
                first.Started = body.CompletedAsync();
            }
            catch (Exception ex)
            {
                first.Failure = ex;
            }

            if (FirstAttempt.Succeeded(ref first))
            {
                return first.Started;
            }
        }

        return ResilientInvoker.RunTaskOf(method, null, body, static b => b.CompletedAsync(), null, null, default, first: first);
    }

    /// <summary>A call whose body returns <paramref name="completed"/> (the allocation tests' body).</summary>
    public static Task<int> CallKeyCompleted<TKey>(ResilientMethod method, TKey key, Task<int> completed)
    {
        FirstAttempt<Task<int>> first = default;
        if (first.TryAdmit(method, key))
        {
            first.Started = completed;
            if (FirstAttempt.Succeeded(ref first))
            {
                return first.Started;
            }
        }

        return ResilientInvoker.RunTaskOf(method, null, completed, static t => t, null, null, default, first: first);
    }

    /// <summary>Fails <paramref name="times"/> calls on <paramref name="key"/>, awaiting each failure.</summary>
    public static async Task FailTimes<TKey>(ResilientMethod method, TKey key, int times)
    {
        for (int i = 0; i < times; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => CallKey(method, key, Flaky.Always(() => new InvalidOperationException("down"))));
        }
    }
}
