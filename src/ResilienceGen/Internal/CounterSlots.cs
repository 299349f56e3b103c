using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// A small number per live thread (0, 1, 2, ...), for <see cref="StripedCounter"/>: a thread whose number is below
    /// a counter's cell count is the only thread that ever writes that cell, so it adds with a plain store instead of
    /// an interlocked one. A locked add drains the core's store buffer, which right after a body that allocated its
    /// task costs 2-3 ns per counter on the CI machine; the plain add costs a fraction of that.
    /// </summary>
    /// <remarks>
    /// Numbers are handed out lowest first and given back when the thread ends: the thread's lease, referenced only
    /// from its thread-static slot, becomes unreachable then and its finalizer frees the number. So a number is never
    /// held by two live threads, and long-lived pool threads keep the low numbers. Past <see cref="MaxSlots"/> live
    /// threads, the rest get <see cref="Unowned"/> and count in the counter's shared, interlocked cell (still exact).
    /// </remarks>
    internal static class CounterSlots
    {
        /// <summary>How many numbers exist; a <see cref="StripedCounter"/> never has more owned cells than this.</summary>
        internal const int MaxSlots = 64;

        /// <summary>The number of a thread that got none: at least every counter's cell count.</summary>
        internal const int Unowned = MaxSlots;

        private static readonly object s_gate = new object();
        private static ulong s_taken; // bit n: number n is held by a live thread (under s_gate)

        [ThreadStatic]
        private static int t_slotPlusOne; // 0 until the thread first counts

        [ThreadStatic]
        private static Lease? t_lease;

        /// <summary>The calling thread's number, or <see cref="Unowned"/>.</summary>
        internal static int Current
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get
            {
                int slotPlusOne = t_slotPlusOne;
                return slotPlusOne != 0 ? slotPlusOne - 1 : Assign();
            }
        }

        /// <summary>How many numbers live threads hold (tests).</summary>
        internal static int Held
        {
            get
            {
                lock (s_gate)
                {
                    int held = 0;
                    for (ulong taken = s_taken; taken != 0; taken &= taken - 1)
                    {
                        held++;
                    }

                    return held;
                }
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Assign()
        {
            int slot = Unowned;
            lock (s_gate)
            {
                for (int candidate = 0; candidate < MaxSlots; candidate++)
                {
                    if ((s_taken & (1UL << candidate)) == 0)
                    {
                        s_taken |= 1UL << candidate;
                        slot = candidate;
                        break;
                    }
                }
            }

            if (slot != Unowned)
            {
                t_lease = new Lease(slot);
            }

            t_slotPlusOne = slot + 1;
            return slot;
        }

        private static void Release(int slot)
        {
            lock (s_gate)
            {
                s_taken &= ~(1UL << slot);
            }
        }

        /// <summary>Gives the number back once its thread has ended (nothing else references a lease).</summary>
        private sealed class Lease
        {
            private readonly int _slot;

            public Lease(int slot) => _slot = slot;

            ~Lease() => Release(_slot);
        }
    }
}
