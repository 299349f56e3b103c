using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>Exact half-open admission and exact accounting under contention.</summary>
public class ConcurrencyTests : RuntimeTestBase
{
    private const int Callers = 1_000;
    private const int Rounds = 100;

    private sealed class Probe
    {
        public readonly TaskCompletionSource<int> Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Entered;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(100)]
    public async Task Exactly_HalfOpenMaxCalls_of_1000_concurrent_callers_reach_the_body(int halfOpenMaxCalls)
    {
        int threads = Math.Max(4, Environment.ProcessorCount * 2);
        for (int round = 0; round < Rounds; round++)
        {
            ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 1_000, halfOpenMaxCalls: halfOpenMaxCalls));
            await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException())));
            Time.Advance(TimeSpan.FromSeconds(1)); // the next call will find the break over

            // The first caller turns the breaker HalfOpen and takes one probe slot; the other 999 then race for
            // the remaining slots from several threads at once.
            var probe = new Probe();
            var calls = new Task<int>[Callers];
            calls[0] = ResilientInvoker.RunTaskOf(
                method, null, probe, static p => { Interlocked.Increment(ref p.Entered); return p.Gate.Task; }, null, null, default);
            Assert.Equal(CircuitState.HalfOpen, Resilience.Breakers[method.BreakerName!].State);
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 1 + t; i < Callers; i += threads)
                {
                    calls[i] = ResilientInvoker.RunTaskOf(
                        method, null, probe,
                        static p => { Interlocked.Increment(ref p.Entered); return p.Gate.Task; },
                        null, null, default);
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

            Assert.Equal(halfOpenMaxCalls, Volatile.Read(ref probe.Entered));
            Assert.Equal(Callers - halfOpenMaxCalls, calls.Count(c => c.IsFaulted && c.Exception!.InnerException is CircuitBreakerOpenException));

            probe.Gate.SetResult(1);
            await Task.WhenAll(calls.Where(c => !c.IsFaulted));
            CircuitBreaker breaker = Resilience.Breakers[method.BreakerName!];
            Assert.Equal(CircuitState.Closed, breaker.State);
            Assert.Equal(Callers - halfOpenMaxCalls, breaker.Metrics.RejectedCount);
        }
    }

    [Fact]
    public void Under_parallel_load_successes_failures_and_rejections_add_up_to_the_calls()
    {
        const int Threads = 4;
        const int CallsPerThread = 25_000;
        ResilientMethod method = Method(null, Breaker(failureThreshold: 3, breakDurationMs: 5, halfOpenMaxCalls: 2, successThreshold: 2));
        var seen = new long[3]; // successes, failures, rejections as the callers saw them

        // The clock moves while the workers run (1 ms each time the breaker reads it: a 5 ms break ends after a few
        // rejections), so the breaker cycles through all its states.
        Time.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);

        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            long ok = 0, failed = 0, rejected = 0;
            for (int i = 0; i < CallsPerThread; i++)
            {
                bool fail = random.NextDouble() < 0.4;
                Task<int> call = ResilientInvoker.RunTaskOf(
                    method, null, fail,
                    static f => f ? Task.FromException<int>(new InvalidOperationException()) : Task.FromResult(1),
                    null, null, default);
                switch (call.Exception?.InnerException)
                {
                    case null: ok++; break;
                    case CircuitBreakerOpenException: rejected++; break;
                    default: failed++; break;
                }
            }

            Interlocked.Add(ref seen[0], ok);
            Interlocked.Add(ref seen[1], failed);
            Interlocked.Add(ref seen[2], rejected);
        })).ToArray();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        CircuitBreakerMetrics metrics = Resilience.Breakers[method.BreakerName!].Metrics;
        Assert.Equal(Threads * CallsPerThread, metrics.SuccessCount + metrics.FailureCount + metrics.RejectedCount);
        Assert.Equal(seen[0], metrics.SuccessCount);
        Assert.Equal(seen[1], metrics.FailureCount);
        Assert.Equal(seen[2], metrics.RejectedCount);
        Assert.True(metrics.RejectedCount > 0, "the breaker never opened: the test did not exercise contention on transitions");
    }
}
