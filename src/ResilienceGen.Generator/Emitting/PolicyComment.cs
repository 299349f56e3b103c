using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>The one-line comment above each descriptor that says, in words, which policy applies.</summary>
    internal static class PolicyComment
    {
        public static string For(RetryModel? retry, BreakerModel? breaker, HooksModel hooks)
        {
            string? retryText = retry is null ? null : Describe(retry);
            string? breakerText = breaker is null ? null : Describe(breaker);
            string policy = retryText is not null && breakerText is not null
                ? retryText + ", then " + breakerText
                : retryText ?? breakerText ?? "none";
            return "// Policy: " + policy + HooksText(hooks) + ".";
        }

        private static string HooksText(HooksModel hooks)
        {
            var parts = new System.Collections.Generic.List<string>();
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
            string delay = Literals.Int(retry.BaseDelayMs) + " ms";
            string backoff = retry.Backoff switch
            {
                "Constant" => "constant " + delay + " delay",
                "Linear" => "linear backoff from " + delay,
                "Exponential" => "exponential backoff from " + delay,
                "DecorrelatedJitter" => "decorrelated jitter backoff from " + delay,
                _ => "backoff " + retry.Backoff + " from " + delay,
            };
            return "retry up to " + times + " (" + backoff + ")" + FilterText(retry.Filter);
        }

        private static string Describe(BreakerModel breaker)
        {
            string opens = breaker.FailureRatio > 0
                ? "opens at a failure ratio of " + Literals.Double(breaker.FailureRatio) + " over " + Literals.Int(breaker.SamplingDurationMs) + " ms"
                : "opens after " + Literals.Int(breaker.FailureThreshold) + " consecutive failures";
            return "circuit breaker " + Literals.String(breaker.Name) + " (" + opens + ", for " + Literals.Int(breaker.BreakDurationMs) + " ms)"
                + FilterText(breaker.Filter);
        }

        private static string FilterText(ExceptionFilterModel filter)
            => filter.CountsEverything ? string.Empty : " on filtered exceptions";
    }
}
