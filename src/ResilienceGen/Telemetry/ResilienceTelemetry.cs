using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ResilienceGen.Internal;

namespace ResilienceGen.Telemetry
{
    /// <summary>
    /// The one place that reports each kind of event: it counts it on the meter, logs it, and adds its trace
    /// event (<see cref="ResilienceTrace"/>). Callers say what happened; which logger, which tags and whether anyone
    /// listens are decided here only.
    /// </summary>
    internal static class ResilienceTelemetry
    {
        /// <summary>A body was called (a first attempt or a retry). Only the "anyone listening?" test is inlined.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AttemptStarted(ResilientMethod method)
        {
            if (ResilienceMetrics.Attempts.Enabled)
            {
                Count(ResilienceMetrics.Attempts, method);
            }
        }

        /// <summary>A failed attempt will be retried after <paramref name="delayMs"/>.</summary>
        public static void RetryScheduled(ResilientMethod method, ILogger? logger, int attempt, double delayMs, Exception failure)
        {
            if (ResilienceMetrics.Retries.Enabled)
            {
                Count(ResilienceMetrics.Retries, method);
            }

            double roundedDelayMs = Math.Round(delayMs, 1);
            ResilienceLog.RetryScheduled(LoggerFor(method, logger), method.MethodName, attempt, roundedDelayMs, failure);
            if (ResilienceTrace.Recording is { } activity)
            {
                ResilienceTrace.RetryScheduled(activity, method.MethodName, attempt, roundedDelayMs, failure);
            }
        }

        /// <summary>The method's breaker rejected a call; <paramref name="retryAfter"/> is what the exception says.</summary>
        public static void CallRejected(ResilientMethod method, ILogger? logger, CircuitBreaker breaker, TimeSpan retryAfter)
        {
            if (ResilienceMetrics.Rejections.Enabled)
            {
                // Tagged with the breaker that rejected: for a keyed breaker (KeyBy) its full name.
                ResilienceMetrics.Rejections.Add(1, method.MethodTag, ResilienceMetrics.Tag(ResilienceMetrics.BreakerTag, breaker.Name));
            }

            ILogger log = LoggerFor(method, logger);
            Activity? activity = ResilienceTrace.Recording;
            if (activity is null && !log.IsEnabled(LogLevel.Debug))
            {
                return;
            }

            double retryAfterMs = retryAfter == TimeSpan.MaxValue ? double.PositiveInfinity : retryAfter.TotalMilliseconds;
            ResilienceLog.CallRejected(log, method.MethodName, breaker.Name, retryAfterMs);
            if (activity is not null)
            {
                ResilienceTrace.CallRejected(activity, method.MethodName, breaker.Name, retryAfterMs);
            }
        }

        /// <summary>The method's fallback answers <paramref name="exception"/> (counted and logged before it runs).</summary>
        public static void FallbackInvoked(ResilientMethod method, ILogger? logger, string reason, Exception exception)
        {
            if (ResilienceMetrics.Fallbacks.Enabled)
            {
                Count(ResilienceMetrics.Fallbacks, method, ResilienceMetrics.Tag(ResilienceMetrics.ReasonTag, reason));
            }

            ILogger log = LoggerFor(method, logger);
            if (log.IsEnabled(LogLevel.Information))
            {
                ResilienceLog.FallbackInvoked(log, method.MethodName, reason, exception);
            }

            if (ResilienceTrace.Recording is { } activity)
            {
                ResilienceTrace.FallbackInvoked(activity, method.MethodName, reason, exception);
            }
        }

        /// <summary>An attempt (<see cref="TimeoutScope.Attempt"/>) or the whole call (<see cref="TimeoutScope.Total"/>) timed out.</summary>
        public static void TimedOut(ResilientMethod method, ILogger? logger, TimeoutScope scope, double timeoutMs)
        {
            string scopeName = scope == TimeoutScope.Attempt ? "attempt" : "total";
            if (ResilienceMetrics.Timeouts.Enabled)
            {
                ResilienceMetrics.Timeouts.Add(1, method.MethodTag, ResilienceMetrics.Tag(ResilienceMetrics.ScopeTag, scopeName));
            }

            ResilienceLog.TimedOut(LoggerFor(method, logger), method.MethodName, scope, timeoutMs);
            if (ResilienceTrace.Recording is { } activity)
            {
                ResilienceTrace.TimedOut(activity, method.MethodName, scopeName, timeoutMs);
            }
        }

        /// <summary>The retry budget refused the retry after <paramref name="attempt"/> (API.md §6.3).</summary>
        public static void BudgetExhausted(ResilientMethod method, ILogger? logger, RetryBudget budget, int attempt, Exception failure)
        {
            if (ResilienceMetrics.BudgetExhausted.Enabled)
            {
                ResilienceMetrics.BudgetExhausted.Add(1, method.MethodTag, ResilienceMetrics.Tag(ResilienceMetrics.BudgetTag, budget.Name));
            }

            ResilienceLog.RetryBudgetExhausted(LoggerFor(method, logger), method.MethodName, attempt, budget.Name, failure);
            if (ResilienceTrace.Recording is { } activity)
            {
                ResilienceTrace.BudgetExhausted(activity, method.MethodName, attempt, budget.Name, failure);
            }
        }

        /// <summary>
        /// A breaker changed state. <paramref name="caller"/> and <paramref name="logger"/> are the call that caused
        /// it, or null for an operator's Isolate/Reset (then the runtime's own logger is used).
        /// </summary>
        public static void BreakerStateChanged(CircuitBreaker breaker, CircuitState from, CircuitState to, ResilientMethod? caller, ILogger? logger,
            CircuitBreakerTransitionSource source = CircuitBreakerTransitionSource.Local)
        {
            if (ResilienceMetrics.Transitions.Enabled)
            {
                ResilienceMetrics.Transitions.Add(
                    1,
                    ResilienceMetrics.Tag(ResilienceMetrics.BreakerTag, breaker.Name),
                    ResilienceMetrics.Tag(ResilienceMetrics.FromTag, CircuitBreaker.StateName(from)),
                    ResilienceMetrics.Tag(ResilienceMetrics.ToTag, CircuitBreaker.StateName(to)),
                    ResilienceMetrics.Tag(ResilienceMetrics.SourceTag, source == CircuitBreakerTransitionSource.Fleet ? "fleet" : "local"));
            }

            ResilienceLog.BreakerStateChanged(LoggerFor(caller, logger), breaker.Name, from, to);
        }

        /// <summary>A <see cref="CircuitBreaker.StateChanged"/> handler threw; logged like the change it was told of.</summary>
        public static void StateChangedHandlerFailed(CircuitBreaker breaker, Exception exception, ResilientMethod? caller, ILogger? logger)
            => ResilienceLog.StateChangedHandlerFailed(LoggerFor(caller, logger), breaker.Name, exception);

        /// <summary>An <see cref="ICircuitBreakerObserver"/> threw; logged, the call goes on.</summary>
        public static void BreakerObserverFailed(CircuitBreaker breaker, Exception exception, ResilientMethod? caller, ILogger? logger)
            => ResilienceLog.BreakerObserverFailed(LoggerFor(caller, logger), breaker.Name, exception);

        /// <summary>A method's retry or timeout override failed when applied; the declared settings stay.</summary>
        public static void MethodOverrideRejected(ResilientMethod method, Exception exception)
            => ResilienceLog.OverrideRejected(method.FallbackLogger, method.MethodName, exception);

        /// <summary>A breaker's override failed when applied; the declared settings stay.</summary>
        public static void BreakerOverrideRejected(CircuitBreaker breaker, Exception exception)
            => ResilienceLog.OverrideRejected(Resilience.RuntimeLogger, breaker.Name, exception);

        /// <summary>A keyed breaker's key cap is reached and nothing can be dropped: new keys share the overflow breaker.</summary>
        public static void BreakerKeysExhausted(ResilientMethod method, string breakerName, int maxKeys, string overflowName)
            => ResilienceLog.BreakerKeysExhausted(LoggerFor(method, null), breakerName, maxKeys, overflowName);

        /// <summary>A budget's override failed when applied; the declared settings stay.</summary>
        public static void BudgetOverrideRejected(RetryBudget budget, Exception exception)
            => ResilienceLog.OverrideRejected(Resilience.RuntimeLogger, budget.Name, exception);

        /// <summary>The type's own logger when it has one, else the method's from the factory, else the runtime's.</summary>
        private static ILogger LoggerFor(ResilientMethod? method, ILogger? logger)
            => logger ?? method?.FallbackLogger ?? Resilience.RuntimeLogger;

        // Every per-method instrument is tagged with the method, plus the breaker when the method has one.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Count(Counter<long> counter, ResilientMethod method)
        {
            if (method.BreakerName is null)
            {
                counter.Add(1, method.MethodTag);
            }
            else
            {
                counter.Add(1, method.MethodTag, method.BreakerTag);
            }
        }

        private static void Count(Counter<long> counter, ResilientMethod method, KeyValuePair<string, object?> tag)
        {
            if (method.BreakerName is null)
            {
                counter.Add(1, method.MethodTag, tag);
            }
            else
            {
                counter.Add(1, method.MethodTag, method.BreakerTag, tag);
            }
        }
    }
}
