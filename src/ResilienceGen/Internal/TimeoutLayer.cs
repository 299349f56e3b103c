using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The two timeout layers of a call (docs/API.md, "Timeouts"): the total one outside the retry loop (a deadline
    /// counted from the call's start, which also cuts retry delays short) and the attempt one between the breaker and
    /// the body (a token that the attempt's timer, the deadline or the caller cancels). One token source per attempt
    /// covers both: its timer is set to whichever limit comes first, and remembers which one that is.
    /// </summary>
    internal static class TimeoutLayer
    {
        /// <summary>
        /// Arms the first attempt of a call: its start is the deadline's origin (<paramref name="callStart"/>, 0 when not
        /// taken: without a total limit, or on a shared source, where the cold path asks it with
        /// <see cref="TimeoutSource.LatestStart"/>). Returns the token the body gets.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static CancellationToken ArmFirst(TimeoutSettings timeouts, CancellationToken caller, ref AttemptClock clock, out long callStart)
        {
            if (caller.CanBeCanceled || !ReferenceEquals(Resilience.TimeProvider, TimeProvider.System))
            {
                return ArmFirstAlone(timeouts, caller, ref clock, out callStart);
            }

            // Nothing to link and no test clock: join the attempts of this moment (SharedTimeouts) instead of a timer.
            callStart = 0;
            TimeoutSource shared = timeouts.SharedFirst.Join();
            clock.Timeout = shared;
            return shared.Token;
        }

        /// <summary>The first attempt gets a source and timer of its own (pooled when it can be).</summary>
        private static CancellationToken ArmFirstAlone(TimeoutSettings timeouts, CancellationToken caller, ref AttemptClock clock, out long callStart)
        {
            callStart = timeouts.HasTotal ? Resilience.TimeProvider.GetTimestamp() : 0;
            TimeoutSource source = timeouts.FirstAttemptIsTotal
                ? TimeoutSource.Start(timeouts.Total, TimeoutScope.Total, timeouts.Total, caller)
                : TimeoutSource.Start(timeouts.Attempt, TimeoutScope.Attempt, timeouts.Attempt, caller);
            clock.Timeout = source;
            return source.Token;
        }

        /// <summary>Arms a later attempt: the attempt limit, or the time left until the deadline when that is shorter.</summary>
        public static CancellationToken Arm(TimeoutSettings timeouts, long callStart, CancellationToken caller, ref AttemptClock clock)
        {
            TimeoutSource source;
            TimeSpan remaining = Remaining(timeouts, callStart);
            if (timeouts.HasTotal && !(timeouts.HasAttempt && timeouts.Attempt < remaining))
            {
                source = TimeoutSource.Start(remaining, TimeoutScope.Total, timeouts.Total, caller);
            }
            else
            {
                source = TimeoutSource.Start(timeouts.Attempt, TimeoutScope.Attempt, timeouts.Attempt, caller);
            }

            clock.Timeout = source;
            return source.Token;
        }

        /// <summary>Time left until the call's deadline; <see cref="TimeSpan.MaxValue"/> without a total limit.</summary>
        public static TimeSpan Remaining(TimeoutSettings? timeouts, long callStart)
            => timeouts is { HasTotal: true } ? timeouts.Total - Resilience.TimeProvider.GetElapsedTime(callStart) : TimeSpan.MaxValue;

        /// <summary>A retry delay, cut at the deadline.</summary>
        public static TimeSpan CapDelay(TimeSpan delay, TimeoutSettings? timeouts, long callStart)
        {
            TimeSpan remaining = Remaining(timeouts, callStart);
            return remaining < delay ? (remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero) : delay;
        }

        /// <summary>
        /// An attempt ended with <paramref name="failure"/>: releases its timeout and, when the timer had fired (not the
        /// caller), returns the timeout exception that replaces the failure (reported here); else null.
        /// </summary>
        public static ResilienceTimeoutException? EndFailed(ref AttemptClock clock, ResilientMethod method, ILogger? logger, Exception failure)
        {
            TimeoutSource? source = clock.Timeout;
            if (source is null)
            {
                return null;
            }

            clock.Timeout = null;
            bool fired = source.HasFired;
            TimeoutScope scope = source.Scope;
            TimeSpan limit = source.Limit;
            source.Release();
            if (!fired)
            {
                return null;
            }

            ResilienceTelemetry.TimedOut(method, logger, scope, limit.TotalMilliseconds);
            return new ResilienceTimeoutException(method.MethodName, limit, scope, failure);
        }

        /// <summary>The deadline passed between attempts (during a retry delay): the call's timeout exception, reported.</summary>
        public static ResilienceTimeoutException DeadlinePassed(TimeoutSettings timeouts, ResilientMethod method, ILogger? logger, Exception lastFailure)
        {
            ResilienceTelemetry.TimedOut(method, logger, TimeoutScope.Total, timeouts.Total.TotalMilliseconds);
            return new ResilienceTimeoutException(method.MethodName, timeouts.Total, TimeoutScope.Total, lastFailure);
        }
    }
}
