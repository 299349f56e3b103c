using System;
using System.Collections.Concurrent;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// What operators changed at run time: kill switches and retry overrides by method name, breaker overrides by
    /// breaker name. Every change bumps <see cref="Version"/>; each method descriptor compares it with the version
    /// its cached <see cref="MethodPolicy"/> was built at (one static read per call) and rebuilds on a mismatch.
    /// </summary>
    internal static class RuntimeOverrides
    {
        private static int s_version;
        private static volatile bool s_globallyDisabled;

        public static readonly ConcurrentDictionary<string, bool> DisabledMethods = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        public static readonly ConcurrentDictionary<string, bool> DisabledBreakers = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        public static readonly ConcurrentDictionary<string, Action<RetryOptions>> RetryOverrides = new ConcurrentDictionary<string, Action<RetryOptions>>(StringComparer.Ordinal);
        // The declared retry settings of every method descriptor built so far, by method name (first overload wins),
        // so an override can be checked against the values it will really change. Not cleared with the overrides:
        // the methods are still there.
        public static readonly ConcurrentDictionary<string, RetryOptions> DeclaredRetries = new ConcurrentDictionary<string, RetryOptions>(StringComparer.Ordinal);
        public static readonly ConcurrentDictionary<string, Action<TimeoutOptions>> TimeoutOverrides = new ConcurrentDictionary<string, Action<TimeoutOptions>>(StringComparer.Ordinal);
        // The declared timeouts of every descriptor built so far, by method name, as DeclaredRetries.
        public static readonly ConcurrentDictionary<string, TimeoutOptions> DeclaredTimeouts = new ConcurrentDictionary<string, TimeoutOptions>(StringComparer.Ordinal);
        public static readonly ConcurrentDictionary<string, Action<CircuitBreakerOptions>> BreakerOverrides = new ConcurrentDictionary<string, Action<CircuitBreakerOptions>>(StringComparer.Ordinal);

        public static int Version => Volatile.Read(ref s_version);

        public static bool GloballyDisabled
        {
            get => s_globallyDisabled;
            set
            {
                s_globallyDisabled = value;
                Changed();
            }
        }

        public static void Changed() => Interlocked.Increment(ref s_version);

        public static void Clear()
        {
            s_globallyDisabled = false;
            DisabledMethods.Clear();
            DisabledBreakers.Clear();
            RetryOverrides.Clear();
            TimeoutOverrides.Clear();
            BreakerOverrides.Clear();
            Changed();
        }
    }
}
