using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// One token source shared by every first attempt that starts within the same short span (a bucket), for attempts
    /// that need no source of their own: the caller's token cannot be cancelled and the clock is the system's. Arming a
    /// timer per attempt costs about 80 ns (the timer queue's lock); joining a bucket costs two reads.
    /// </summary>
    /// <remarks>
    /// A bucket is handed out for <see cref="Width"/> (1/16 of the limit, at least 1 ms), then retired: from then on
    /// new attempts join a fresh bucket, and the retired one's token is cancelled <see cref="Due"/> after retirement.
    /// Every attempt joined it before it was retired, so it gets at least its limit, and at most the limit plus one
    /// width (plus the timer's own lateness). Buckets are retired by a one-shot timer that re-arms itself only while
    /// attempts keep joining: an idle method costs no timer at all, and its current bucket is never cancelled.
    /// A bucket allocates one token source and its timer per width while in use: nothing per call.
    /// </remarks>
    internal sealed class SharedTimeouts
    {
        private const int WidthDivisor = 16;
        private static readonly TimeSpan s_minimumWidth = TimeSpan.FromMilliseconds(1);

        private readonly TimeoutScope _scope;
        private readonly TimeSpan _limit;
        private readonly Timer _retirement;
        private volatile TimeoutSource _current;
        private int _retiring; // 1 while the retirement timer is armed (or its callback runs)

        public SharedTimeouts(TimeSpan due, TimeoutScope scope, TimeSpan limit)
        {
            Due = due < s_minimumWidth ? s_minimumWidth : due;
            Width = TimeSpan.FromTicks(Math.Max(Due.Ticks / WidthDivisor, s_minimumWidth.Ticks));
            _scope = scope;
            _limit = limit;
            _current = TimeoutSource.StartShared(scope, limit);
            // Not on the ExecutionContext of whichever call happens to create it (no AsyncLocal captured).
            bool restore = false;
            try
            {
                if (!ExecutionContext.IsFlowSuppressed())
                {
                    ExecutionContext.SuppressFlow();
                    restore = true;
                }

                _retirement = new Timer(static state => ((SharedTimeouts)state!).Retire(), this, Timeout.Infinite, Timeout.Infinite);
            }
            finally
            {
                if (restore)
                {
                    ExecutionContext.RestoreFlow();
                }
            }
        }

        /// <summary>How long after its retirement a bucket's token is cancelled: the limit (at least 1 ms).</summary>
        public TimeSpan Due { get; }

        /// <summary>How long a bucket takes new attempts: 1/16 of <see cref="Due"/>, at least 1 ms.</summary>
        public TimeSpan Width { get; }

        /// <summary>The bucket an attempt starting now joins (its source's <see cref="TimeoutSource.Release"/> does nothing).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TimeoutSource Join()
        {
            TimeoutSource bucket = _current;
            if (!bucket.IsJoined)
            {
                MarkJoined(bucket);
            }

            return bucket;
        }

        // The first attempt of a bucket makes sure the retirement timer runs. Paired with Retire's stop: each side
        // writes its flag, then (full fence) reads the other's, so a joined bucket is never left unretired.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void MarkJoined(TimeoutSource bucket)
        {
            bucket.IsJoined = true;
            Interlocked.MemoryBarrier();
            if (Interlocked.CompareExchange(ref _retiring, 1, 0) == 0)
            {
                _retirement.Change(Width, Timeout.InfiniteTimeSpan);
            }
        }

        private void Retire()
        {
            TimeoutSource bucket = _current;
            if (!bucket.IsJoined)
            {
                // Nobody joined during the last width: stop until someone does.
                Volatile.Write(ref _retiring, 0);
                Interlocked.MemoryBarrier();
                if (!bucket.IsJoined || Interlocked.CompareExchange(ref _retiring, 1, 0) != 0)
                {
                    return;
                }
            }

            _current = TimeoutSource.StartShared(_scope, _limit);
            bucket.RetireShared(Due);
            _retirement.Change(Width, Timeout.InfiniteTimeSpan);
        }
    }
}
