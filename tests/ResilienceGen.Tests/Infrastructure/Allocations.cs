namespace ResilienceGen.Tests.Infrastructure;

/// <summary>The allocation check every zero-allocation test uses, so they all measure the same way.</summary>
public static class Allocations
{
    /// <summary>
    /// Bytes this thread allocates over <paramref name="calls"/> runs of <paramref name="action"/>, counted after
    /// <paramref name="warmUp"/> runs that let tiered compilation, lazy statics and breaker registration settle.
    /// </summary>
    public static long Measure(Action action, int calls = 10_000, int warmUp = 1_000)
    {
        for (int i = 0; i < warmUp; i++)
        {
            action();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
