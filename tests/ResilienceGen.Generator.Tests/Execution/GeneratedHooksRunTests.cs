using System.Diagnostics;
using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Execution;

/// <summary>
/// The hooks as generated code wires them, run against the real runtime: OnRetry sees each retry's attempt and
/// delay, RetryAfter's delay replaces the backoff (and is capped), Fallback's value reaches the caller on exhaustion
/// and on rejection. Delays are a few milliseconds of the real clock (the runtime's clock is process-wide and other
/// tests in this assembly run beside these); what is asserted is the delay the runtime chose, not a measured one,
/// except for the one bound that shows a 30 s backoff was not waited.
/// </summary>
public sealed class GeneratedHooksRunTests
{
    private const string HookedType = "Hooked.Client";

    private static string Source(string breakerPrefix) => """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Hooked;

        public sealed class TransientException(string message) : Exception(message);

        public partial class Client
        {
            public int Calls;
            public List<string> Retries = new();
            public List<string> FallbackSaw = new();
            public TimeSpan? Hint;

            [WithRetry(MaxRetries = 3, BaseDelayMs = 5, Backoff = BackoffKind.Constant, Jitter = false, OnRetry = nameof(SeeRetry))]
            public partial Task<int> SucceedsOnFourthAsync();

            [WithRetry(MaxRetries = 3, BaseDelayMs = 5, Backoff = BackoffKind.Linear, Jitter = false, OnRetry = nameof(SeeStaticRetry))]
            public static partial Task AlwaysFailsStaticAsync(List<string> log);

            [WithRetry(MaxRetries = 2, BaseDelayMs = 30_000, MaxDelayMs = 60_000, Jitter = false, OnRetry = nameof(SeeRetry), RetryAfter = nameof(HintFrom))]
            public partial ValueTask<int> HintedAsync();

            [WithRetry(MaxRetries = 1, BaseDelayMs = 1, MaxDelayMs = 5, Jitter = false, OnRetry = nameof(SeeRetry), RetryAfter = nameof(HintFrom))]
            public partial ValueTask CappedAsync();

            [WithRetry(MaxRetries = 2, BaseDelayMs = 1, Jitter = false, Fallback = nameof(ExhaustedFallbackAsync))]
            public partial Task<string> ExhaustedAsync(string key, int version);

            [CircuitBreaker("BREAKER-fallback", FailureThreshold = 1, BreakDurationMs = 60_000, Fallback = nameof(RejectedFallbackAsync))]
            public partial ValueTask<string> RejectedAsync(string key);

            private Task<int> SucceedsOnFourthCoreAsync()
                => ++Calls < 4 ? Task.FromException<int>(new TransientException("failure " + Calls)) : Task.FromResult(Calls);

            private static Task AlwaysFailsStaticCoreAsync(List<string> log)
                => Task.FromException(new TransientException("static failure " + log.Count));

            private ValueTask<int> HintedCoreAsync()
                => ++Calls < 3 ? new ValueTask<int>(Task.FromException<int>(new TransientException("busy"))) : new ValueTask<int>(Calls);

            private ValueTask CappedCoreAsync()
                => ++Calls < 2 ? new ValueTask(Task.FromException(new TransientException("busy"))) : default;

            private Task<string> ExhaustedCoreAsync(string key, int version)
                => Task.FromException<string>(new TransientException("down " + ++Calls));

            private ValueTask<string> RejectedCoreAsync(string key)
            {
                Calls++;
                return new ValueTask<string>(Task.FromException<string>(new TransientException("down")));
            }

            private void SeeRetry(int attempt, TimeSpan delay, Exception exception)
                => Retries.Add(attempt + ":" + delay.TotalMilliseconds + ":" + exception.Message);

            private static void SeeStaticRetry(int attempt, TimeSpan delay, Exception exception)
                => StaticRetries.Add(attempt + ":" + delay.TotalMilliseconds + ":" + exception.Message);

            public static List<string> StaticRetries = new();

            private TimeSpan? HintFrom(Exception exception) => Hint;

            private Task<string> ExhaustedFallbackAsync(string key, int version, Exception exception)
            {
                FallbackSaw.Add(exception.Message);
                return Task.FromResult("cached " + key + " v" + version);
            }

            private ValueTask<string> RejectedFallbackAsync(string key, Exception exception)
            {
                FallbackSaw.Add(exception.GetType().Name);
                return new ValueTask<string>("stale " + key);
            }
        }
        """.Replace("BREAKER", breakerPrefix);

    private static LoadedConsumer Load()
    {
        // The breaker registry is process-wide: every test gets its own breaker names.
        return LoadedConsumer.Load(GeneratorRun.Of(Source("hooks-" + Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public async Task OnRetrySeesEveryRetryWithItsAttemptDelayAndException()
    {
        using LoadedConsumer consumer = Load();
        object client = consumer.Create(HookedType);

        object? result = await LoadedConsumer.CallAsync(client, "SucceedsOnFourthAsync");

        Assert.Equal(4, result);
        Assert.Equal(new[] { "1:5:failure 1", "2:5:failure 2", "3:5:failure 3" }, LoadedConsumer.Field<List<string>>(client, "Retries"));
    }

    [Fact]
    public async Task StaticOnRetrySeesLinearDelaysAndNotTheFinalFailure()
    {
        using LoadedConsumer consumer = Load();
        var log = new List<string>();

        await Assert.ThrowsAnyAsync<Exception>(() => consumer.CallStaticAsync(HookedType, "AlwaysFailsStaticAsync", log));

        var seen = (List<string>)consumer.Type(HookedType).GetField("StaticRetries")!.GetValue(null)!;
        Assert.Equal(new[] { "1:5:static failure 0", "2:10:static failure 0", "3:15:static failure 0" }, seen);
    }

    [Fact]
    public async Task RetryAfterReplacesTheBackoff()
    {
        using LoadedConsumer consumer = Load();
        object client = consumer.Create(HookedType);
        client.GetType().GetField("Hint")!.SetValue(client, TimeSpan.FromMilliseconds(7));

        var clock = Stopwatch.StartNew();
        object? result = await LoadedConsumer.CallAsync(client, "HintedAsync");
        clock.Stop();

        Assert.Equal(3, result);
        Assert.Equal(new[] { "1:7:busy", "2:7:busy" }, LoadedConsumer.Field<List<string>>(client, "Retries"));

        // The computed backoff would have been 30 s and then 60 s; only the hinted 7 ms were waited.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "took " + clock.Elapsed);
    }

    [Fact]
    public async Task RetryAfterIsCappedByMaxDelay()
    {
        using LoadedConsumer consumer = Load();
        object client = consumer.Create(HookedType);
        client.GetType().GetField("Hint")!.SetValue(client, TimeSpan.FromMinutes(10));

        await LoadedConsumer.CallAsync(client, "CappedAsync");

        Assert.Equal(new[] { "1:5:busy" }, LoadedConsumer.Field<List<string>>(client, "Retries"));
    }

    [Fact]
    public async Task RetryAfterReturningNullKeepsTheBackoff()
    {
        using LoadedConsumer consumer = Load();
        object client = consumer.Create(HookedType);

        await LoadedConsumer.CallAsync(client, "CappedAsync");

        Assert.Equal(new[] { "1:1:busy" }, LoadedConsumer.Field<List<string>>(client, "Retries"));
    }

    [Fact]
    public async Task FallbackValueReachesTheCallerWhenRetriesAreExhausted()
    {
        using LoadedConsumer consumer = Load();
        object client = consumer.Create(HookedType);

        object? result = await LoadedConsumer.CallAsync(client, "ExhaustedAsync", "sku-1", 7);

        Assert.Equal("cached sku-1 v7", result);
        Assert.Equal(3, LoadedConsumer.Field<int>(client, "Calls"));
        Assert.Equal(new[] { "down 3" }, LoadedConsumer.Field<List<string>>(client, "FallbackSaw"));
    }

    [Fact]
    public async Task FallbackValueReachesTheCallerWhenTheBreakerRejects()
    {
        using LoadedConsumer consumer = Load();
        object client = consumer.Create(HookedType);

        object? first = await LoadedConsumer.CallAsync(client, "RejectedAsync", "a");
        object? second = await LoadedConsumer.CallAsync(client, "RejectedAsync", "b");

        Assert.Equal("stale a", first);
        Assert.Equal("stale b", second);
        Assert.Equal(1, LoadedConsumer.Field<int>(client, "Calls"));
        Assert.Equal(new[] { "TransientException", "CircuitBreakerOpenException" }, LoadedConsumer.Field<List<string>>(client, "FallbackSaw"));
    }
}
