using System;
using System.Collections.Generic;

namespace ResilienceGen.Configuration
{
    /// <summary>The configuration layout: section and key names, and the settings each entry may hold.</summary>
    internal static class ConfigurationKeys
    {
        public const string Enabled = "Enabled";
        public const string Breakers = "Breakers";
        public const string Methods = "Methods";
        public const string Budgets = "Budgets";

        /// <summary>Breaker settings, by key (configuration keys are case-insensitive, so the lookup is too).</summary>
        public static readonly IReadOnlyDictionary<string, OptionSetting<CircuitBreakerOptions>> BreakerSettings = ByKey(new[]
        {
            OptionSetting<CircuitBreakerOptions>.Int(nameof(CircuitBreakerOptions.FailureThreshold), (o, v) => o.FailureThreshold = v),
            OptionSetting<CircuitBreakerOptions>.Int(nameof(CircuitBreakerOptions.BreakDurationMs), (o, v) => o.BreakDurationMs = v),
            OptionSetting<CircuitBreakerOptions>.Int(nameof(CircuitBreakerOptions.HalfOpenMaxCalls), (o, v) => o.HalfOpenMaxCalls = v),
            OptionSetting<CircuitBreakerOptions>.Int(nameof(CircuitBreakerOptions.SuccessThreshold), (o, v) => o.SuccessThreshold = v),
            OptionSetting<CircuitBreakerOptions>.Double(nameof(CircuitBreakerOptions.FailureRatio), (o, v) => o.FailureRatio = v),
            OptionSetting<CircuitBreakerOptions>.Int(nameof(CircuitBreakerOptions.MinimumThroughput), (o, v) => o.MinimumThroughput = v),
            OptionSetting<CircuitBreakerOptions>.Int(nameof(CircuitBreakerOptions.SamplingDurationMs), (o, v) => o.SamplingDurationMs = v),
            OptionSetting<CircuitBreakerOptions>.Int(nameof(CircuitBreakerOptions.SlowCallDurationMs), (o, v) => o.SlowCallDurationMs = v),
        });

        /// <summary>Timeout settings, by key: they sit beside the retry settings in a method's entry.</summary>
        public static readonly IReadOnlyDictionary<string, OptionSetting<TimeoutOptions>> TimeoutSettings = ByKey(new[]
        {
            OptionSetting<TimeoutOptions>.Int(nameof(TimeoutOptions.AttemptMs), (o, v) => o.AttemptMs = v),
            OptionSetting<TimeoutOptions>.Int(nameof(TimeoutOptions.TotalMs), (o, v) => o.TotalMs = v),
        });

        /// <summary>Retry settings, by key.</summary>
        public static readonly IReadOnlyDictionary<string, OptionSetting<RetryOptions>> RetrySettings = ByKey(new[]
        {
            OptionSetting<RetryOptions>.Int(nameof(RetryOptions.MaxRetries), (o, v) => o.MaxRetries = v),
            OptionSetting<RetryOptions>.Int(nameof(RetryOptions.BaseDelayMs), (o, v) => o.BaseDelayMs = v),
            OptionSetting<RetryOptions>.Int(nameof(RetryOptions.MaxDelayMs), (o, v) => o.MaxDelayMs = v),
            OptionSetting<RetryOptions>.Backoff(nameof(RetryOptions.Backoff), (o, v) => o.Backoff = v),
            OptionSetting<RetryOptions>.Double(nameof(RetryOptions.BackoffFactor), (o, v) => o.BackoffFactor = v),
            OptionSetting<RetryOptions>.Bool(nameof(RetryOptions.Jitter), (o, v) => o.Jitter = v),
            OptionSetting<RetryOptions>.Double(nameof(RetryOptions.JitterFactor), (o, v) => o.JitterFactor = v),
        });

        /// <summary>Retry budget settings (API.md §6.3), by key.</summary>
        public static readonly IReadOnlyDictionary<string, OptionSetting<RetryBudgetOptions>> BudgetSettings = ByKey(new[]
        {
            OptionSetting<RetryBudgetOptions>.Double(nameof(RetryBudgetOptions.Percent), (o, v) => o.Percent = v),
            OptionSetting<RetryBudgetOptions>.Int(nameof(RetryBudgetOptions.MinPerSecond), (o, v) => o.MinPerSecond = v),
        });

        /// <summary>
        /// The breaker or method name an entry's key stands for. Configuration separates sections with ':', so a
        /// name containing one (a keyed breaker such as <c>hosts/10.0.0.5:8080</c>) is written with <c>%3A</c> instead.
        /// </summary>
        public static string NameOf(string key)
            => key.IndexOf('%') < 0 ? key : key.Replace("%3A", ":").Replace("%3a", ":");

        private static IReadOnlyDictionary<string, OptionSetting<T>> ByKey<T>(OptionSetting<T>[] settings)
        {
            var byKey = new Dictionary<string, OptionSetting<T>>(StringComparer.OrdinalIgnoreCase);
            foreach (OptionSetting<T> setting in settings)
            {
                byKey.Add(setting.Key, setting);
            }

            return byKey;
        }
    }
}
