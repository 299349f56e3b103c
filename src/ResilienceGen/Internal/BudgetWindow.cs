using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The counts behind one retry budget: calls and retries over the last <see cref="Seconds"/> seconds, without a
    /// lock. Calls (the happy path) go into a striped, never-reset count (<see cref="StripedCounter"/>: exact, and
    /// threads running at once bump cells 64 bytes apart). Retries (off the happy path) are one interlocked count.
    /// <para>
    /// Time is sampled, not read per call: one second's <em>mark</em> holds both counts as first seen in that second.
    /// The counts since the oldest mark still inside the window all happened inside the window, so the window is
    /// never overcounted; it may undercount calls made before the window's first mark (bounded by the sampling
    /// interval per stripe), which only makes the budget stricter. Marks are taken every
    /// <see cref="SampleInterval"/> calls of a stripe and before every retry decision, so retries are always marked.
    /// </para>
    /// </summary>
    internal sealed class BudgetWindow
    {
        public const int Seconds = PolicyDefaults.BudgetWindowSeconds;

        /// <summary>Calls of one stripe between two looks at the clock (a power of two).</summary>
        public const int SampleInterval = 64;

        private const long Never = -1;
        private const long Claimed = -2; // a mark being rewritten; readers skip it

        private readonly StripedCounter _calls = StripedCounter.Create();
        private readonly Mark[] _marks = new Mark[Seconds];
        private long _retries; // Interlocked

        public BudgetWindow()
        {
            for (int i = 0; i < _marks.Length; i++)
            {
                _marks[i].Second = Never;
            }

            // The creation second's mark (both counts 0), so the budget's first calls already count.
            Observe(CurrentSecond());
        }

        /// <summary>Counts one call: the happy path. One stripe write; every <see cref="SampleInterval"/>th call a look at the clock.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void CountCall()
        {
            if ((_calls.Increment() & (SampleInterval - 1)) == 0)
            {
                ObserveNow();
            }
        }

        /// <summary>
        /// Takes one retry out of the budget if the allowance (<paramref name="percent"/> % of the calls of the
        /// window plus <paramref name="minPerSecond"/> per second of it) leaves room. Increment first, then check: racing threads may refuse one another, never overspend together
        /// (beyond a mark taken between a refused increment and its undo, at most one retry per racing thread).
        /// </summary>
        public bool TryWithdraw(double percent, int minPerSecond)
        {
            Mark baseline = Baseline(out _);
            long spent = Interlocked.Increment(ref _retries) - baseline.Retries;
            if (spent > Allowance(baseline, percent, minPerSecond))
            {
                Interlocked.Decrement(ref _retries);
                return false;
            }

            return true;
        }

        /// <summary>Counts a retry made without asking (the budget's Percent is 0: no cap), so <see cref="Spent"/> stays true.</summary>
        public void CountRetry()
        {
            Baseline(out _);
            Interlocked.Increment(ref _retries);
        }

        /// <summary>Retries made in the window.</summary>
        public long Spent => Volatile.Read(ref _retries) - Baseline(out _).Retries;

        /// <summary>Retries the budget still allows in the window (0 when spent).</summary>
        public long Available(double percent, int minPerSecond)
        {
            Mark baseline = Baseline(out _);
            long left = Allowance(baseline, percent, minPerSecond) - (Volatile.Read(ref _retries) - baseline.Retries);
            return left > 0 ? left : 0;
        }

        /// <summary>Calls counted in the window (a lower bound, see the class remarks).</summary>
        public long Calls => _calls.Sum() - Baseline(out _).Calls;

        private long Allowance(Mark baseline, double percent, int minPerSecond)
        {
            long calls = _calls.Sum() - baseline.Calls;
            return (long)Math.Floor(calls * percent / 100.0) + (long)minPerSecond * Seconds;
        }

        /// <summary>The oldest mark inside the window, after marking the current second; its counts start the window.</summary>
        private Mark Baseline(out long second)
        {
            second = CurrentSecond();
            Observe(second);
            Mark oldest = default;
            oldest.Second = long.MaxValue;
            for (int i = 0; i < _marks.Length; i++)
            {
                long markSecond = Volatile.Read(ref _marks[i].Second);
                if (markSecond > second - Seconds && markSecond <= second && markSecond < oldest.Second)
                {
                    long calls = Volatile.Read(ref _marks[i].Calls);
                    long retries = Volatile.Read(ref _marks[i].Retries);
                    if (Volatile.Read(ref _marks[i].Second) == markSecond)
                    {
                        oldest.Second = markSecond;
                        oldest.Calls = calls;
                        oldest.Retries = retries;
                    }
                }
            }

            if (oldest.Second == long.MaxValue)
            {
                // Every mark is being rewritten at this instant: start the window now (the floor still applies).
                oldest.Calls = _calls.Sum();
                oldest.Retries = Volatile.Read(ref _retries);
            }

            return oldest;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ObserveNow() => Observe(CurrentSecond());

        /// <summary>Writes the mark of <paramref name="second"/> unless it exists: one thread claims the slot, the others go on.</summary>
        private void Observe(long second)
        {
            ref Mark mark = ref _marks[(int)(second % Seconds)];
            long seen = Volatile.Read(ref mark.Second);
            if (seen == second || seen == Claimed || Interlocked.CompareExchange(ref mark.Second, Claimed, seen) != seen)
            {
                return;
            }

            Volatile.Write(ref mark.Calls, _calls.Sum());
            Volatile.Write(ref mark.Retries, Volatile.Read(ref _retries));
            Volatile.Write(ref mark.Second, second);
        }

        private static long CurrentSecond()
        {
            TimeProvider time = Resilience.TimeProvider;
            long second = time.GetTimestamp() / time.TimestampFrequency;
            return second < 0 ? 0 : second;
        }

        /// <summary>The counts as first seen in one second (<see cref="Second"/>).</summary>
        private struct Mark
        {
            public long Second;
            public long Calls;
            public long Retries;
        }
    }
}
