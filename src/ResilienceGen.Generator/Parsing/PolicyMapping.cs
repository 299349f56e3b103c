using System.Globalization;
using ResilienceGen.Generator.Model;
using ResilienceGen.Validation;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Maps the shared declaration's [WithRetry] and [CircuitBreaker] onto the equatable models. The values, their
    /// defaults and the breaker name are the declaration's; nothing here reads an attribute.
    /// </summary>
    internal static class PolicyMapping
    {
        public static RetryModel? Retry(RetryDeclaration retry, TypeTexts typeTexts, out string? problemId)
        {
            ExceptionFilterModel? filter = FilterMapping.Filter(retry.Filter, typeTexts, out problemId);
            if (filter is null)
            {
                return null;
            }

            // An undefined value is RG0007 (a stub); written as a cast it would still compile.
            string backoff = retry.BackoffMember ?? "(" + retry.Backoff.Value.ToString(CultureInfo.InvariantCulture) + ")";
            return new RetryModel(
                MaxRetries: retry.MaxRetries.Value,
                BaseDelayMs: retry.BaseDelayMs.Value,
                MaxDelayMs: retry.MaxDelayMs.Value,
                Backoff: backoff,
                BackoffFactor: retry.BackoffFactor.Value,
                Jitter: retry.Jitter.Value,
                JitterFactor: retry.JitterFactor.Value,
                Filter: filter,
                Budget: retry.HasBudget ? new BudgetModel(retry.BudgetName, retry.BudgetPercent.Value, retry.BudgetMinPerSecond.Value) : null);
        }

        public static BreakerModel? Breaker(BreakerDeclaration breaker, TypeTexts typeTexts, out string? problemId)
        {
            ExceptionFilterModel? filter = FilterMapping.Filter(breaker.Filter, typeTexts, out problemId);
            if (filter is null)
            {
                return null;
            }

            return new BreakerModel(
                Name: breaker.Name,
                FailureThreshold: breaker.FailureThreshold.Value,
                BreakDurationMs: breaker.BreakDurationMs.Value,
                HalfOpenMaxCalls: breaker.HalfOpenMaxCalls.Value,
                SuccessThreshold: breaker.SuccessThreshold.Value,
                FailureRatio: breaker.FailureRatio.Value,
                MinimumThroughput: breaker.MinimumThroughput.Value,
                SamplingDurationMs: breaker.SamplingDurationMs.Value,
                Filter: filter,
                Key: Key(breaker))
            {
                SlowCallDurationMs = breaker.SlowCallDurationMs.Value,
            };
        }

        /// <summary>
        /// The key expression of <c>KeyBy</c> (resolved and checked by RG0017 before this runs): the parameter, then each
        /// member read with <c>?.</c> where its receiver may be null, so a null anywhere gives a null key.
        /// </summary>
        private static KeyModel? Key(BreakerDeclaration breaker)
        {
            if (breaker.Key is not { Parameter: { } parameter, WhyNot: null } key)
            {
                return null;
            }

            var access = new System.Text.StringBuilder();
            foreach (KeyStep step in key.Steps)
            {
                access.Append(step.NullConditional ? "?." : ".").Append(SymbolText.Identifier(step.Name));
            }

            return new KeyModel(key.Path, SymbolText.Identifier(parameter.Name), access.ToString(), breaker.MaxKeys.Value);
        }

        public static TimeoutModel Timeout(TimeoutDeclaration timeout)
            => new TimeoutModel(AttemptMs: timeout.AttemptMs.Value, TotalMs: timeout.TotalMs.Value);
    }
}
