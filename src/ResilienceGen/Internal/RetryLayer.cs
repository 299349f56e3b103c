using System;
using System.Threading;
using System.Threading.Tasks;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The retry layer's delays for one call: the backoff (which may depend on the previous delay), or the
    /// generated RetryAfter's when it gives one, capped by MaxDelayMs; and the wait itself, on
    /// <see cref="Resilience.TimeProvider"/>.
    /// </summary>
    internal struct RetryLayer
    {
        private readonly RetrySettings? _settings;

        public RetryLayer(RetrySettings? settings)
        {
            _settings = settings;
            LastDelayMs = 0;
        }

        /// <summary>The delay chosen last, in milliseconds (what the retry log line reports).</summary>
        public double LastDelayMs { get; private set; }

        /// <summary>The delay before retry number <paramref name="attemptNumber"/>; negative (or NaN) means zero.</summary>
        public TimeSpan NextDelay(TimeSpan? requested, int attemptNumber)
        {
            RetrySettings settings = _settings!;
            double delayMs;
            if (requested is { } delay)
            {
                double ms = delay.TotalMilliseconds;
                delayMs = ms > 0 ? Math.Min(ms, settings.MaxDelayMs) : 0;
            }
            else
            {
                delayMs = BackoffCalculator.DelayMs(settings, attemptNumber, LastDelayMs, ThreadSafeRandom.NextDouble());
            }

            LastDelayMs = delayMs;
            return TimeSpan.FromTicks((long)(delayMs * TimeSpan.TicksPerMillisecond));
        }

        public static Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
#if NET8_0_OR_GREATER
            return Task.Delay(delay, Resilience.TimeProvider, cancellationToken);
#else
            return Resilience.TimeProvider.Delay(delay, cancellationToken);
#endif
        }
    }
}
