using System;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// A validated, immutable snapshot of <see cref="CircuitBreakerOptions"/> in the units the breaker computes
    /// with. The breaker reads it through one field per decision, so a later runtime override can swap it whole.
    /// </summary>
    internal sealed class BreakerSettings
    {
        public BreakerSettings(CircuitBreakerOptions options)
        {
            options.Validate();
            FailureThreshold = options.FailureThreshold;
            BreakDurationTicks = TimeSpan.FromMilliseconds(options.BreakDurationMs).Ticks;
            HalfOpenMaxCalls = options.HalfOpenMaxCalls;
            SuccessThreshold = options.SuccessThreshold;
            FailureRatio = options.FailureRatio;
            MinimumThroughput = options.MinimumThroughput;
            SamplingDurationTicks = TimeSpan.FromMilliseconds(options.SamplingDurationMs).Ticks;
            SlowCallDuration = TimeSpan.FromMilliseconds(options.SlowCallDurationMs);
            MeasuresSlowCalls = options.SlowCallDurationMs > 0;
        }

        public int FailureThreshold { get; }

        public long BreakDurationTicks { get; }

        public int HalfOpenMaxCalls { get; }

        public int SuccessThreshold { get; }

        public double FailureRatio { get; }

        public bool IsRatioMode => FailureRatio > 0.0;

        public int MinimumThroughput { get; }

        public long SamplingDurationTicks { get; }

        /// <summary>A success that took at least this long counts as a failure; only when <see cref="MeasuresSlowCalls"/>.</summary>
        public TimeSpan SlowCallDuration { get; }

        /// <summary>SlowCallDurationMs is set: each admitted call's start is timed (else no timestamp is taken).</summary>
        public bool MeasuresSlowCalls { get; }
    }
}
