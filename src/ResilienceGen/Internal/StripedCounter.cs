using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// A counter that many threads can increment without fighting over one cache line: each thread adds to one of
    /// several cells padded 64 bytes apart, and reading sums the cells. Used for the success count, which every
    /// happy-path call bumps.
    /// </summary>
    internal sealed class StripedCounter
    {
        // Eight longs = 64 bytes between the cells that are used, so two cores never share a cache line.
        private const int Stride = 8;

        private readonly long[] _cells;
        private readonly int _mask;

        public StripedCounter()
        {
            int stripes = 1;
            int wanted = Math.Min(Environment.ProcessorCount, 64);
            while (stripes < wanted)
            {
                stripes <<= 1;
            }

            _mask = stripes - 1;
            // One padding stride before the first cell too, so the array header's line is not shared.
            _cells = new long[(stripes + 1) * Stride];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Increment()
        {
            int stripe = Environment.CurrentManagedThreadId & _mask;
            Interlocked.Increment(ref _cells[(stripe + 1) * Stride]);
        }

        public long Sum()
        {
            long sum = 0;
            for (int stripe = 0; stripe <= _mask; stripe++)
            {
                sum += Volatile.Read(ref _cells[(stripe + 1) * Stride]);
            }

            return sum;
        }

        public void Clear()
        {
            for (int stripe = 0; stripe <= _mask; stripe++)
            {
                Volatile.Write(ref _cells[(stripe + 1) * Stride], 0);
            }
        }
    }
}
