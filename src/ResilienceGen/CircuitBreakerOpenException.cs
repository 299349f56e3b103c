using System;

namespace ResilienceGen
{
    /// <summary>Thrown (as the faulted task's exception) when a circuit breaker rejects a call.</summary>
    public sealed class CircuitBreakerOpenException : Exception
    {
        /// <summary>Creates the exception for <paramref name="breakerName"/>.</summary>
        public CircuitBreakerOpenException(string breakerName, TimeSpan retryAfter)
            : base(BuildMessage(breakerName, retryAfter))
        {
            BreakerName = breakerName;
            RetryAfter = retryAfter;
        }

        /// <summary>The name of the breaker that rejected the call.</summary>
        public string BreakerName { get; }

        /// <summary>
        /// Time left until a probe is allowed; <see cref="TimeSpan.Zero"/> when half-open capacity is the reason;
        /// <see cref="TimeSpan.MaxValue"/> when the breaker is isolated (held open until reset).
        /// </summary>
        public TimeSpan RetryAfter { get; }

        private static string BuildMessage(string breakerName, TimeSpan retryAfter)
        {
            if (retryAfter == TimeSpan.MaxValue)
            {
                return $"Circuit breaker '{breakerName}' is isolated; calls are rejected until it is reset.";
            }

            if (retryAfter == TimeSpan.Zero)
            {
                return $"Circuit breaker '{breakerName}' is half-open and all probe slots are taken.";
            }

            return $"Circuit breaker '{breakerName}' is open; retry after {retryAfter.TotalMilliseconds:0} ms.";
        }
    }
}
