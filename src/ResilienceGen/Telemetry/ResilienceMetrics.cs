using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace ResilienceGen.Telemetry
{
    /// <summary>
    /// The runtime's instruments on the <c>ResilienceGen</c> meter. Callers check <c>Enabled</c> before building
    /// tags so that nobody listening costs one field read.
    /// </summary>
    internal static class ResilienceMetrics
    {
        public const string MeterName = "ResilienceGen";
        public const string MethodTag = "method";
        public const string BreakerTag = "breaker";
        public const string FromTag = "from";
        public const string ToTag = "to";
        public const string ReasonTag = "reason";

        public static readonly Meter Meter = new Meter(MeterName);

        /// <summary>Every call of a body (first attempts and retries), tagged method (and breaker).</summary>
        public static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
            "resiliencegen.attempts", unit: "{attempt}", description: "Calls of a method body, first attempts and retries.");

        /// <summary>Every retry scheduled after a failed attempt, tagged method.</summary>
        public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
            "resiliencegen.retries", unit: "{retry}", description: "Retries scheduled after a failed attempt.");

        /// <summary>Every call a breaker rejected, tagged method and breaker.</summary>
        public static readonly Counter<long> Rejections = Meter.CreateCounter<long>(
            "resiliencegen.rejections", unit: "{call}", description: "Calls rejected by an open or isolated circuit breaker.");

        /// <summary>Every call answered by its fallback method, tagged method (and breaker) and reason.</summary>
        public static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>(
            "resiliencegen.fallbacks", unit: "{call}", description: "Calls answered by their fallback method instead of an exception.");

        /// <summary>Every breaker state change, tagged breaker, from and to.</summary>
        public static readonly Counter<long> Transitions = Meter.CreateCounter<long>(
            "resiliencegen.breaker.transitions", unit: "{transition}", description: "Circuit breaker state changes.");

        public static KeyValuePair<string, object?> Tag(string key, string value) => new KeyValuePair<string, object?>(key, value);
    }
}
