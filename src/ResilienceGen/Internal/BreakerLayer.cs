using System;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The breaker layer of a call, around each attempt: admission before the body runs, and the report of how the
    /// attempt ended. The breaker itself (<see cref="CircuitBreaker"/>) keeps the state; this decides what to tell it.
    /// </summary>
    internal static class BreakerLayer
    {
        /// <summary>
        /// The breaker's word on one attempt: null when it may go ahead, with the <paramref name="ticket"/> to report
        /// its outcome with (a method without a breaker in force always may), else the rejection to hand on.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static CircuitBreakerOpenException? Admit(ResilientMethod method, CircuitBreaker? breaker, ILogger? logger, out BreakerTicket ticket)
        {
            if (breaker is null)
            {
                ticket = BreakerTicket.Normal;
                return null;
            }

            ticket = breaker.TryEnter(method, logger, out TimeSpan openFor);
            return ticket.IsAdmitted ? null : Reject(method, logger, breaker, openFor);
        }

        /// <summary>
        /// Tells the breaker how a failed attempt counts, and says whether it counted as a failure: not at all when
        /// the caller cancelled it or it is an argument error the breaker's Handle does not name; else as a failure
        /// when the breaker's filter accepts it, and as a success when the filter excludes it (the dependency answered).
        /// </summary>
        public static bool ReportFailure<TState, TTask>(
            in GeneratedCall<TState, TTask> call, ResilientMethod method, ILogger? logger, CircuitBreaker breaker, BreakerTicket ticket, Exception failure, bool cancelledByCaller)
        {
            if (cancelledByCaller || FixedRules.IsUnnamedArgumentError(failure, method.BreakerArgumentTypes))
            {
                breaker.OnNotCounted(ticket);
                return false;
            }

            bool countsAsFailure;
            try
            {
                countsAsFailure = call.BreakerFilterAccepts(failure);
            }
            catch
            {
                // A throwing ShouldHandle must not leave a half-open probe slot taken forever.
                breaker.OnFailure(ticket, method, logger);
                throw;
            }

            if (countsAsFailure)
            {
                breaker.OnFailure(ticket, method, logger);
            }
            else
            {
                breaker.OnSuccess(ticket, method, logger);
            }

            return countsAsFailure;
        }

        /// <summary>An attempt timeout: a breaker failure whatever the breaker's filters say (always true).</summary>
        public static bool ReportTimeout(ResilientMethod method, ILogger? logger, CircuitBreaker breaker, BreakerTicket ticket)
        {
            breaker.OnFailure(ticket, method, logger);
            return true;
        }

        /// <summary>Counts a rejection everywhere and builds the exception the caller gets.</summary>
        private static CircuitBreakerOpenException Reject(ResilientMethod method, ILogger? logger, CircuitBreaker breaker, TimeSpan retryAfter)
        {
            breaker.OnRejected();
            ResilienceTelemetry.CallRejected(method, logger, breaker, retryAfter);
            return new CircuitBreakerOpenException(breaker.Name, retryAfter);
        }
    }
}
