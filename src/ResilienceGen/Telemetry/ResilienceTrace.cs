using System;
using System.Diagnostics;

namespace ResilienceGen.Telemetry
{
    /// <summary>
    /// The trace events: an <see cref="ActivityEvent"/> on the caller's <see cref="Activity.Current"/> when that
    /// activity records data. No activity is ever created here, and only the events that are not the happy path
    /// come this way. Tags carry the same fields as the matching log line.
    /// </summary>
    internal static class ResilienceTrace
    {
        public const string RetryEvent = "resiliencegen.retry";
        public const string RejectedEvent = "resiliencegen.rejected";
        public const string FallbackEvent = "resiliencegen.fallback";
        public const string TimeoutEvent = "resiliencegen.timeout";
        public const string BudgetExhaustedEvent = "resiliencegen.budget_exhausted";

        /// <summary>The current activity when it wants events; null when there is none or it is not recorded.</summary>
        public static Activity? Recording => Activity.Current is { IsAllDataRequested: true } activity ? activity : null;

        public static void RetryScheduled(Activity activity, string method, int attempt, double delayMs, Exception failure)
            => activity.AddEvent(new ActivityEvent(RetryEvent, tags: new ActivityTagsCollection
            {
                { "method", method },
                { "attempt", attempt },
                { "delay_ms", delayMs },
                { "exception.type", failure.GetType().FullName },
            }));

        public static void CallRejected(Activity activity, string method, string breaker, double retryAfterMs)
            => activity.AddEvent(new ActivityEvent(RejectedEvent, tags: new ActivityTagsCollection
            {
                { "method", method },
                { "breaker", breaker },
                { "retry_after_ms", retryAfterMs },
            }));

        public static void TimedOut(Activity activity, string method, string scope, double timeoutMs)
            => activity.AddEvent(new ActivityEvent(TimeoutEvent, tags: new ActivityTagsCollection
            {
                { "method", method },
                { "scope", scope },
                { "timeout_ms", timeoutMs },
            }));

        public static void FallbackInvoked(Activity activity, string method, string reason, Exception exception)
            => activity.AddEvent(new ActivityEvent(FallbackEvent, tags: new ActivityTagsCollection
            {
                { "method", method },
                { "reason", reason },
                { "exception.type", exception.GetType().FullName },
            }));
    
        public static void BudgetExhausted(Activity activity, string method, int attempt, string budget, Exception failure)
            => activity.AddEvent(new ActivityEvent(BudgetExhaustedEvent, tags: new ActivityTagsCollection
            {
                { "method", method },
                { "attempt", attempt },
                { "budget", budget },
                { "exception.type", failure.GetType().FullName },
            }));
    }
}
