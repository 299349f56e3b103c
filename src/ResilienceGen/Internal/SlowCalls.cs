using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// SlowCallDurationMs of a breaker: a success that took at least that long is reported as a failure (the caller
    /// still gets its result). The start timestamp is taken only when the breaker measures slow calls.
    /// </summary>
    internal static class SlowCalls
    {
        /// <summary>The timestamp to time an admitted attempt with, or 0 when the breaker does not measure slow calls.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long Start(CircuitBreaker breaker)
            => breaker.MeasuresSlowCalls ? Resilience.TimeProvider.GetTimestamp() : 0;

        /// <summary>Reports a successful attempt: as a failure when it was slow, else as a success.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ReportSuccess(CircuitBreaker breaker, BreakerTicket ticket, long startedAt, ResilientMethod? caller, ILogger? logger)
        {
            if (startedAt != 0 && IsSlow(breaker, startedAt))
            {
                breaker.OnFailure(ticket, caller, logger);
            }
            else
            {
                breaker.OnSuccess(ticket, caller, logger);
            }
        }

        private static bool IsSlow(CircuitBreaker breaker, long startedAt)
        {
            BreakerSettings settings = breaker.Settings;
            return settings.MeasuresSlowCalls && Resilience.TimeProvider.GetElapsedTime(startedAt) >= settings.SlowCallDuration;
        }
    }
}
