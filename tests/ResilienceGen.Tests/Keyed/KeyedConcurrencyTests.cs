using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;
using static ResilienceGen.Tests.Keyed.KeyedCalls;

namespace ResilienceGen.Tests.Keyed;

/// <summary>Keyed breakers under contention: exact per-key accounting and exact half-open admission per key.</summary>
public class KeyedConcurrencyTests : RuntimeTestBase
{
    [Fact]
    public void Eight_threads_of_100_000_calls_over_50_keys_count_every_call_on_its_keys_breaker()
    {
        const int Threads = 8;
        const int CallsPerThread = 100_000;
        const int Keys = 50;
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: int.MaxValue));
        var succeeding = Flaky.Succeeding();
        var failing = Flaky.Always(() => new InvalidOperationException("down"));

        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < CallsPerThread; i++)
            {
                int key = (i + t) % Keys;
                // Every tenth key fails every call (it never opens: the threshold is out of reach).
                Task<int> call = CallKey(method, key, key % 10 == 0 ? failing : succeeding);
                if (key % 10 == 0)
                {
                    Assert.IsType<InvalidOperationException>(call.Exception!.InnerException);
                }
            }
        })).ToArray();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        const long PerKey = Threads * CallsPerThread / Keys;
        Assert.Equal(Keys, Resilience.Breakers.All.Count);
        for (int key = 0; key < Keys; key++)
        {
            CircuitBreaker breaker = Resilience.Breakers[name + "/" + key];
            (long, long, long) expected = key % 10 == 0 ? (0, PerKey, 0) : (PerKey, 0, 0);
            Assert.Equal(expected, (breaker.Metrics.SuccessCount, breaker.Metrics.FailureCount, breaker.Metrics.RejectedCount));
            Assert.Equal(CircuitState.Closed, breaker.State);
        }
    }

    private sealed class Probe
    {
        public readonly TaskCompletionSource<int> Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Entered;
    }

    private static Task<int> CallProbe(ResilientMethod method, string key, Probe probe)
    {
        FirstAttempt<Task<int>> first = default;
        if (first.TryAdmit(method, key))
        {
            Interlocked.Increment(ref probe.Entered);
            first.Started = probe.Gate.Task;
            if (FirstAttempt.Succeeded(ref first))
            {
                return first.Started;
            }
        }

        return ResilientInvoker.RunTaskOf(
            method, null, probe, static p => { Interlocked.Increment(ref p.Entered); return p.Gate.Task; }, null, null, default, first: first);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Exactly_HalfOpenMaxCalls_of_1000_concurrent_callers_reach_the_body_per_key(int halfOpenMaxCalls)
    {
        const int Callers = 1_000;
        const int Rounds = 20;
        int threads = Math.Max(4, Environment.ProcessorCount * 2);
        for (int round = 0; round < Rounds; round++)
        {
            string name = UniqueName("inventory");
            ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 1, breakDurationMs: 1_000, halfOpenMaxCalls: halfOpenMaxCalls));
            await FailTimes(method, "a", 1);
            await FailTimes(method, "b", 1);
            Time.Advance(TimeSpan.FromSeconds(1)); // both breaks are over

            // Callers of both keys race from several threads at once; each key admits its own probes.
            var probeA = new Probe();
            var probeB = new Probe();
            var calls = new Task<int>[2 * Callers];
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = t; i < calls.Length; i += threads)
                {
                    calls[i] = i % 2 == 0 ? CallProbe(method, "a", probeA) : CallProbe(method, "b", probeB);
                }
            })).ToArray();
            foreach (Thread worker in workers)
            {
                worker.Start();
            }

            foreach (Thread worker in workers)
            {
                worker.Join();
            }

            Assert.Equal(halfOpenMaxCalls, Volatile.Read(ref probeA.Entered));
            Assert.Equal(halfOpenMaxCalls, Volatile.Read(ref probeB.Entered));
            Assert.Equal(2 * (Callers - halfOpenMaxCalls), calls.Count(c => c.IsFaulted && c.Exception!.InnerException is CircuitBreakerOpenException));

            probeA.Gate.SetResult(1);
            await Task.WhenAll(calls.Where((c, i) => i % 2 == 0 && !c.IsFaulted));
            Assert.Equal(CircuitState.Closed, Resilience.Breakers[name + "/a"].State);
            Assert.Equal(CircuitState.HalfOpen, Resilience.Breakers[name + "/b"].State);
            Assert.Equal(Callers - halfOpenMaxCalls, Resilience.Breakers[name + "/b"].Metrics.RejectedCount);
            probeB.Gate.SetResult(1);
            await Task.WhenAll(calls.Where(c => !c.IsFaulted));
            Assert.Equal(CircuitState.Closed, Resilience.Breakers[name + "/b"].State);
        }
    }
}
