using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// Ratio mode's sliding window: <see cref="BucketCount"/> time buckets covering the sampling duration, each
    /// holding its successes and failures packed into one long (failures in the high half) so one Interlocked add
    /// records an outcome. A bucket is recycled when time has moved past it; that recycling takes a lock, which
    /// happens once per bucket length, not per call. The window seen is the current bucket plus the nine before
    /// it, i.e. between 90% and 100% of the sampling duration.
    /// </summary>
    internal sealed class RatioWindow
    {
        public const int BucketCount = 10;
        private const long OneFailure = 1L << 32;
        private const long SuccessMask = 0xFFFF_FFFFL;

        private readonly long _bucketTicks;
        private readonly long[] _bucketIds = new long[BucketCount];
        private readonly long[] _bucketCounts = new long[BucketCount];
        private readonly object _recycleGate = new object();

        public RatioWindow(long samplingDurationTicks)
        {
            _bucketTicks = samplingDurationTicks / BucketCount > 0 ? samplingDurationTicks / BucketCount : 1;
            Clear();
        }

        public void Record(long nowTicks, bool failed)
        {
            long bucketId = nowTicks / _bucketTicks;
            int index = (int)(bucketId % BucketCount);
            if (Volatile.Read(ref _bucketIds[index]) != bucketId)
            {
                Recycle(index, bucketId);
            }

            Interlocked.Add(ref _bucketCounts[index], failed ? OneFailure : 1L);
        }

        /// <summary>Calls and failures seen in the window ending at <paramref name="nowTicks"/>.</summary>
        public void Read(long nowTicks, out long calls, out long failures)
        {
            long currentId = nowTicks / _bucketTicks;
            long successes = 0;
            failures = 0;
            for (int i = 0; i < BucketCount; i++)
            {
                long id = Volatile.Read(ref _bucketIds[i]);
                if (id > currentId - BucketCount && id <= currentId)
                {
                    long packed = Volatile.Read(ref _bucketCounts[i]);
                    successes += packed & SuccessMask;
                    failures += packed >> 32;
                }
            }

            calls = successes + failures;
        }

        public void Clear()
        {
            lock (_recycleGate)
            {
                for (int i = 0; i < BucketCount; i++)
                {
                    Volatile.Write(ref _bucketCounts[i], 0);
                    Volatile.Write(ref _bucketIds[i], long.MinValue);
                }
            }
        }

        private void Recycle(int index, long bucketId)
        {
            lock (_recycleGate)
            {
                if (_bucketIds[index] < bucketId)
                {
                    Volatile.Write(ref _bucketCounts[index], 0);
                    Volatile.Write(ref _bucketIds[index], bucketId);
                }
            }
        }
    }
}
