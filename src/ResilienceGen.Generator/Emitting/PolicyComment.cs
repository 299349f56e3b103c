using System.Collections.Generic;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>
    /// The one-line comment above each descriptor that says, in words, which policy applies: what is retried, that
    /// every attempt passes through the breaker and what the breaker counts, with durations as a person writes them.
    /// </summary>
    internal static class PolicyComment
    {
        public static string For(RetryModel? retry, BreakerModel? breaker, HooksModel hooks, TimeoutModel? timeout = null)
        {
            string? retryText = retry is null ? null : Describe(retry);
            string? breakerText = breaker is null ? null : Describe(breaker);
            string policy = retryText is not null && breakerText is not null
                ? retryText + "; every attempt passes through " + breakerText
                : retryText ?? breakerText ?? "none";
            if (timeout is not null)
            {
                policy = retryText is null && breakerText is null ? Describe(timeout) : Describe(timeout) + "; " + policy;
            }

            return "// Policy: " + policy + HooksText(hooks) + ".";
        }

        private static string Describe(TimeoutModel timeout)
        {
            var limits = new List<string>();
            if (timeout.TotalMs > 0)
            {
                limits.Add("the whole call after " + Durations.Text(timeout.TotalMs));
            }

            if (timeout.AttemptMs > 0)
            {
                limits.Add("each attempt after " + Durations.Text(timeout.AttemptMs));
            }

            return "time out " + string.Join(", ", limits);
        }

        private static string HooksText(HooksModel hooks)
        {
            var parts = new List<string>();
            if (hooks.OnRetry is { } onRetry)
            {
                parts.Add("OnRetry " + onRetry.Name);
            }

            if (hooks.RetryAfter is { } retryAfter)
            {
                parts.Add("RetryAfter " + retryAfter.Name);
            }

            if (hooks.Fallback is { } fallback)
            {
                parts.Add("Fallback " + fallback.Name);
            }

            return parts.Count == 0 ? string.Empty : "; hooks: " + string.Join(", ", parts);
        }

        private static string Describe(RetryModel retry)
        {
            string times = retry.MaxRetries == 1 ? "1 time" : Literals.Int(retry.MaxRetries) + " times";
            string delay = Durations.Text(retry.BaseDelayMs);
            string backoff = retry.Backoff switch
            {
                "Constant" => "constant " + delay + " delay",
                "Linear" => "linear backoff from " + delay,
                "Exponential" => "exponential backoff from " + delay,
                "DecorrelatedJitter" => "decorrelated jitter backoff from " + delay,
                _ => "backoff " + retry.Backoff + " from " + delay,
            };
            string budget = retry.Budget is { } b
                ? ", within retry budget " + Literals.String(b.Name) + " (" + Literals.Double(b.Percent) + " % of the calls of 10 s, plus " + Literals.Int(b.MinPerSecond) + " per second)"
                : string.Empty;
            return "retry up to " + times + " (" + backoff + ") on " + Exceptions(retry.Filter) + budget;
        }

        private static string Describe(BreakerModel breaker)
        {
            string opens = breaker.FailureRatio > 0
                ? "opens when " + Percent(breaker.FailureRatio) + " of at least " + Literals.Int(breaker.MinimumThroughput)
                  + " calls in " + Durations.Text(breaker.SamplingDurationMs) + " fail"
                : "opens after " + Literals.Int(breaker.FailureThreshold) + " consecutive failures";
            string keyed = breaker.Key is { } key
                ? "one per " + key.Path + ", at most " + Literals.Int(key.MaxKeys) + "; "
                : string.Empty;
            string slow = breaker.SlowCallDurationMs > 0 ? "; successes taking " + Durations.Text(breaker.SlowCallDurationMs) + " or more count as failures" : string.Empty;
            return "circuit breaker " + Literals.String(breaker.Name) + " (" + keyed + "counts " + Exceptions(breaker.Filter) + "; " + opens
                + ", for " + Durations.Text(breaker.BreakDurationMs) + slow + ")";
        }

        /// <summary>"any exception", or the Handle types, the Ignore types and the ShouldHandle method in words.</summary>
        private static string Exceptions(ExceptionFilterModel filter)
        {
            if (filter.CountsEverything)
            {
                return "any exception";
            }

            var parts = new List<string> { filter.Handle.Count == 0 ? "any exception" : Either(filter.Handle) };
            if (filter.Ignore.Count > 0)
            {
                parts.Add("except " + Either(filter.Ignore));
            }

            if (filter.ShouldHandleMethod is { } predicate)
            {
                parts.Add("if " + predicate + " agrees");
            }

            return string.Join(", ", parts);
        }

        private static string Either(EquatableArray<string> qualifiedTypes)
        {
            var names = new List<string>(qualifiedTypes.Count);
            foreach (string type in qualifiedTypes)
            {
                names.Add(TypeNames.Short(type));
            }

            return names.Count == 1
                ? names[0]
                : string.Join(", ", names.GetRange(0, names.Count - 1)) + " or " + names[names.Count - 1];
        }

        private static string Percent(double ratio)
            => (ratio * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %";
    }
}
