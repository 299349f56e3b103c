using System;

namespace ResilienceGen.Internal
{
    /// <summary>Uniform samples for jitter, safe from any thread.</summary>
    internal static class ThreadSafeRandom
    {
#if NET6_0_OR_GREATER
        public static double NextDouble() => Random.Shared.NextDouble();
#else
        // System.Random is not thread-safe; one instance per thread, seeded from a shared one under a lock.
        [ThreadStatic]
        private static Random? t_random;
        private static readonly Random s_seeds = new Random();

        public static double NextDouble() => (t_random ??= NewRandom()).NextDouble();

        private static Random NewRandom()
        {
            int seed;
            lock (s_seeds)
            {
                seed = s_seeds.Next();
            }

            return new Random(seed);
        }
#endif
    }
}
