using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// Calling a generated fallback: its telemetry, and the entry points' synchronous case (a rejection before the
    /// first attempt), where the fallback's own task is handed to the caller without an async state machine.
    /// </summary>
    internal static class Fallbacks
    {
        /// <summary>The breaker rejected the call (<see cref="CircuitBreakerOpenException"/>).</summary>
        public const string Rejected = "rejected";

        /// <summary>The last attempt failed with an exception the retry filter handles.</summary>
        public const string Exhausted = "exhausted";

        /// <summary>A breaker-only method failed with an exception the breaker counts.</summary>
        public const string Failed = "failed";

        /// <summary>Counts and logs one fallback, before it runs.</summary>
        public static void Record(ResilientMethod method, ILogger? logger, string reason, Exception exception)
        {
            if (ResilienceMetrics.Fallbacks.Enabled)
            {
                var reasonTag = ResilienceMetrics.Tag(ResilienceMetrics.ReasonTag, reason);
                if (method.BreakerName is null)
                {
                    ResilienceMetrics.Fallbacks.Add(1, method.MethodTag, reasonTag);
                }
                else
                {
                    ResilienceMetrics.Fallbacks.Add(1, method.MethodTag, method.BreakerTag, reasonTag);
                }
            }

            ILogger log = logger ?? method.FallbackLogger;
            if (log.IsEnabled(LogLevel.Information))
            {
                ResilienceLog.FallbackInvoked(log, method.MethodName, reason, exception);
            }
        }

        // The rejection cases below: a fallback that throws synchronously (or returns null) still reaches the
        // caller as a faulted task, exactly as the body's exceptions do.
        public static Task<TResult> OnRejection<TState, TResult>(
            ResilientMethod method, ILogger? logger, TState state, Func<TState, Exception, Task<TResult>> fallback, CircuitBreakerOpenException rejection)
        {
            Record(method, logger, Rejected, rejection);
            try
            {
                return fallback(state, rejection) ?? throw AttemptHelpers.NullFallbackTask();
            }
            catch (Exception ex)
            {
                return Task.FromException<TResult>(ex);
            }
        }

        public static Task OnRejection<TState>(
            ResilientMethod method, ILogger? logger, TState state, Func<TState, Exception, Task> fallback, CircuitBreakerOpenException rejection)
        {
            Record(method, logger, Rejected, rejection);
            try
            {
                return fallback(state, rejection) ?? throw AttemptHelpers.NullFallbackTask();
            }
            catch (Exception ex)
            {
                return Task.FromException(ex);
            }
        }

        public static ValueTask<TResult> OnRejection<TState, TResult>(
            ResilientMethod method, ILogger? logger, TState state, Func<TState, Exception, ValueTask<TResult>> fallback, CircuitBreakerOpenException rejection)
        {
            Record(method, logger, Rejected, rejection);
            try
            {
                return fallback(state, rejection);
            }
            catch (Exception ex)
            {
                return new ValueTask<TResult>(Task.FromException<TResult>(ex));
            }
        }

        public static ValueTask OnRejection<TState>(
            ResilientMethod method, ILogger? logger, TState state, Func<TState, Exception, ValueTask> fallback, CircuitBreakerOpenException rejection)
        {
            Record(method, logger, Rejected, rejection);
            try
            {
                return fallback(state, rejection);
            }
            catch (Exception ex)
            {
                return new ValueTask(Task.FromException(ex));
            }
        }
    }
}
