using System.Runtime.CompilerServices;
using System.Threading;
using ResilienceGen.Internal;

namespace ResilienceGen
{
    /// <summary>
    /// Running totals of one breaker since it was created (<see cref="CircuitBreaker.Reset"/> does not clear
    /// them). Every call that reaches the breaker counts exactly once: as a success, a failure or a rejection,
    /// except calls cancelled by the caller's token, which count in none.
    /// </summary>
    public sealed class CircuitBreakerMetrics
    {
        private readonly StripedCounter _successes; // the breaker's own: it counts there, one load closer
        private long _failures;
        private long _rejections;

        internal CircuitBreakerMetrics(StripedCounter successes)
        {
            _successes = successes;
        }

        /// <summary>Calls admitted that completed without an exception counted as a failure.</summary>
        public long SuccessCount => _successes.Sum();

        /// <summary>Calls admitted that ended with an exception counted as a failure.</summary>
        public long FailureCount => Volatile.Read(ref _failures);

        /// <summary>Calls rejected with <see cref="CircuitBreakerOpenException"/>.</summary>
        public long RejectedCount => Volatile.Read(ref _rejections);

        internal void AddFailure() => Interlocked.Increment(ref _failures);

        internal void AddRejection() => Interlocked.Increment(ref _rejections);
    }
}
