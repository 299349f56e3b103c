using System;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Telemetry
{
    /// <summary>
    /// Every log line the runtime writes, as LoggerMessage-generated methods: structured, and free when the level
    /// is disabled. Event ids are stable.
    /// </summary>
    internal static partial class ResilienceLog
    {
        [LoggerMessage(EventId = 1, EventName = "RetryScheduled", Level = LogLevel.Warning,
            Message = "{Method} attempt {Attempt} failed; retrying in {DelayMs} ms")]
        public static partial void RetryScheduled(ILogger logger, string method, int attempt, double delayMs, Exception exception);

        [LoggerMessage(EventId = 2, EventName = "BreakerStateChanged", Level = LogLevel.Warning,
            Message = "Circuit breaker {Breaker} changed from {From} to {To}")]
        public static partial void BreakerStateChanged(ILogger logger, string breaker, CircuitState from, CircuitState to);

        [LoggerMessage(EventId = 3, EventName = "CallRejected", Level = LogLevel.Debug,
            Message = "{Method} rejected by circuit breaker {Breaker}; retry after {RetryAfterMs} ms")]
        public static partial void CallRejected(ILogger logger, string method, string breaker, double retryAfterMs);

        [LoggerMessage(EventId = 4, EventName = "StateChangedHandlerFailed", Level = LogLevel.Error,
            Message = "A StateChanged handler of circuit breaker {Breaker} threw")]
        public static partial void StateChangedHandlerFailed(ILogger logger, string breaker, Exception exception);

        // 1200-1249 belong to the fleet (ResilienceGen.Redis logs 1200-1239); the runtime's side of it uses 1249.
        [LoggerMessage(EventId = 1249, EventName = "BreakerObserverFailed", Level = LogLevel.Error,
            Message = "The observer of circuit breaker {Breaker} threw; the breaker decides on its own")]
        public static partial void BreakerObserverFailed(ILogger logger, string breaker, Exception exception);

        [LoggerMessage(EventId = 5, EventName = "OverrideRejected", Level = LogLevel.Error,
            Message = "The runtime override for {Name} is invalid; the declared settings stay in force")]
        public static partial void OverrideRejected(ILogger logger, string name, Exception exception);

        [LoggerMessage(EventId = 6, EventName = "FallbackInvoked", Level = LogLevel.Information,
            Message = "{Method} answered by its fallback ({Reason})")]
        public static partial void FallbackInvoked(ILogger logger, string method, string reason, Exception exception);

        // Timeouts (issue 15): event ids 1100-1109.
        [LoggerMessage(EventId = 1100, EventName = "TimedOut", Level = LogLevel.Warning,
            Message = "{Method} timed out ({Scope} timeout of {TimeoutMs} ms)")]
        public static partial void TimedOut(ILogger logger, string method, TimeoutScope scope, double timeoutMs);

        // Retry budgets (issue 17) use event ids 1120-1129.
        [LoggerMessage(EventId = 1120, EventName = "RetryBudgetExhausted", Level = LogLevel.Warning,
            Message = "{Method} attempt {Attempt} failed; retry budget {Budget} is spent, so no retry is made")]
        public static partial void RetryBudgetExhausted(ILogger logger, string method, int attempt, string budget, Exception exception);
    }
}
