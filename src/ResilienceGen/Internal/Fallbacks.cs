using System;
using Microsoft.Extensions.Logging;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// Calling a generated fallback, recorded before it runs: from the call loop, and at the edge for a rejection
    /// before the first attempt, where the fallback's own task is handed to the caller without an async frame.
    /// </summary>
    internal static class Fallbacks
    {
        /// <summary>The breaker rejected the call (<see cref="CircuitBreakerOpenException"/>).</summary>
        public const string Rejected = "rejected";

        /// <summary>The last attempt failed with an exception the retry filter handles.</summary>
        public const string Exhausted = "exhausted";

        /// <summary>The call's total timeout (<see cref="TimeoutScope.Total"/>) ended it.</summary>
        public const string TimedOut = "timeout";

        /// <summary>A breaker-only method failed with an exception the breaker counts.</summary>
        public const string Failed = "failed";

        /// <summary>The retry budget refused the retry this failure would have had (API.md §6.3).</summary>
        public const string Budget = "budget";

        /// <summary>In the call loop: records the fallback and starts it; a synchronous throw ends the loop's task with it.</summary>
        public static System.Threading.Tasks.ValueTask<TResult> Start<TState, TTask, TResult, TKind>(
            in GeneratedCall<TState, TTask> call, ResilientMethod method, ILogger? logger, string reason, Exception failure)
            where TKind : struct, IReturnKind<TTask, TResult>
        {
            ResilienceTelemetry.FallbackInvoked(method, logger, reason, failure);
            return default(TKind).FromFallback(call.CallFallback(failure));
        }

        /// <summary>
        /// At the edge, before any attempt: answers the rejection with the fallback's own task. A fallback that
        /// throws synchronously (or returns null) still reaches the caller as a faulted task, as the body's exceptions do.
        /// </summary>
        public static TTask AnswerRejection<TState, TTask, TResult, TKind>(
            ResilientMethod method, ILogger? logger, TState state, Func<TState, Exception, TTask> fallback, CircuitBreakerOpenException rejection)
            where TKind : struct, IReturnKind<TTask, TResult>
        {
            ResilienceTelemetry.FallbackInvoked(method, logger, Rejected, rejection);
            try
            {
                TTask answer = fallback(state, rejection);
                return default(TKind).IsNull(answer) ? default(TKind).Faulted(ReturnedTasks.NullFromFallback()) : answer;
            }
            catch (Exception ex)
            {
                return default(TKind).Faulted(ex);
            }
        }
    }
}
