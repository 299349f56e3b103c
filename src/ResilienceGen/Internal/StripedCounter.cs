using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// An exact counter that many threads can increment without fighting over one cache line: each thread adds into
    /// a cell of its own, padded 64 bytes from the others, and reading sums the cells. Used for the counts every
    /// happy-path call bumps: a breaker's successes and a retry budget's calls.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Which cell: the thread's number (<see cref="CounterSlots"/>). Below the cell count, the thread is that cell's
    /// only writer, so a plain add is exact and no interlocked instruction is needed (one would drain the core's
    /// store buffer: 2-3 ns per counter right after a body that allocated its task, measured on the CI machine).
    /// Threads with a higher number share one last cell and add to it with an interlocked add, so they stay exact too.
    /// </para>
    /// <para>
    /// A struct (an array and a mask), so its owner holds the cells one load away; copies share the same cells.
    /// </para>
    /// </remarks>
    internal readonly struct StripedCounter
    {
        // Eight longs = 64 bytes between the cells that are used, so two cores never share a cache line.
        private const int Stride = 8;

        private readonly long[] _cells;
        private readonly int _mask;

        private StripedCounter(long[] cells, int mask)
        {
            _cells = cells;
            _mask = mask;
        }

        /// <summary>A new counter at 0.</summary>
        public static StripedCounter Create()
        {
            // At least 8 owned cells, and twice the cores (at most 64): the threads that run most keep owned cells.
            int stripes = 8;
            int wanted = Math.Min(Environment.ProcessorCount * 2, CounterSlots.MaxSlots);
            while (stripes < wanted)
            {
                stripes <<= 1;
            }

            // One padding stride before the first cell (the array header's line is not shared), the owned cells, then
            // the shared cell.
            return new StripedCounter(new long[(stripes + 2) * Stride], stripes - 1);
        }

        /// <summary>Adds one; returns the new count of the cell it went to (not the total), for sampling.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Increment()
        {
            int slot = CounterSlots.Current;
            if ((uint)slot <= (uint)_mask)
            {
                // This thread is the cell's only writer: read, add, publish.
                ref long cell = ref _cells[(slot + 1) * Stride];
                long next = cell + 1;
                Volatile.Write(ref cell, next);
                return next;
            }

            return Interlocked.Increment(ref _cells[(_mask + 2) * Stride]);
        }

        public long Sum()
        {
            long sum = 0;
            for (int cell = 0; cell <= _mask + 1; cell++)
            {
                sum += Volatile.Read(ref _cells[(cell + 1) * Stride]);
            }

            return sum;
        }
    }
}
