namespace ResilienceGen.Tests.Infrastructure;

/// <summary>The allocation check every zero-allocation test uses, so they all measure the same way.</summary>
public static class Allocations
{
    /// <summary>
    /// Bytes this thread allocates over <paramref name="calls"/> runs of <paramref name="action"/>, counted after
    /// <paramref name="warmUp"/> runs that let tiered compilation, lazy statics and breaker registration settle.
    /// The least of three rounds: what is checked is that a call allocates nothing, and a one-off event of the
    /// runtime inside one round (a pooled timeout source whose timer could not be stopped is replaced: about 280 B,
    /// seen once in a few hundred rounds) must not read as a per-call cost, which would show in every round.
    /// </summary>
    public static long Measure(Action action, int calls = 10_000, int warmUp = 1_000)
    {
        for (int i = 0; i < warmUp; i++)
        {
            action();
        }

        long least = long.MaxValue;
        for (int round = 0; round < 3 && least != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++)
            {
                action();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
