using System;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The delay before each retry, as a pure function of the settings, the retry number, the previous delay and
    /// one uniform random sample in [0, 1), so tests can pin the randomness.
    /// </summary>
    internal static class BackoffCalculator
    {
        /// <summary>
        /// The delay in milliseconds before retry number <paramref name="retry"/> (1 for the first retry).
        /// <list type="bullet">
        /// <item>Constant: base. Linear: base × n. Exponential: base × factor^(n-1).</item>
        /// <item>DecorrelatedJitter (AWS): uniform between base and 3 × the previous delay (base before the first
        /// retry); <c>Jitter</c> adds nothing on top, the formula is random already.</item>
        /// <item>Jitter: the delay times 1 + JitterFactor × (2u − 1), i.e. within ±JitterFactor.</item>
        /// <item>Every result is capped at MaxDelayMs, jitter included, and never negative.</item>
        /// </list>
        /// </summary>
        public static double DelayMs(RetrySettings settings, int retry, double previousDelayMs, double random)
        {
            double baseMs = settings.BaseDelayMs;
            double delay;
            switch (settings.Backoff)
            {
                case BackoffKind.Constant:
                    delay = baseMs;
                    break;
                case BackoffKind.Linear:
                    delay = baseMs * retry;
                    break;
                case BackoffKind.DecorrelatedJitter:
                    double previous = retry <= 1 || previousDelayMs < baseMs ? baseMs : previousDelayMs;
                    double upper = Math.Min(settings.MaxDelayMs, previous * 3.0);
                    delay = upper <= baseMs ? upper : baseMs + (random * (upper - baseMs));
                    return Cap(delay, settings.MaxDelayMs);
                default:
                    delay = baseMs * Math.Pow(settings.BackoffFactor, retry - 1);
                    break;
            }

            if (settings.Jitter && settings.JitterFactor > 0.0)
            {
                delay *= 1.0 + (settings.JitterFactor * ((2.0 * random) - 1.0));
            }

            return Cap(delay, settings.MaxDelayMs);
        }

        // Math.Pow can overflow to infinity for large retry numbers; the cap brings it back.
        private static double Cap(double delayMs, double maxDelayMs)
        {
            if (double.IsNaN(delayMs) || delayMs < 0.0)
            {
                return 0.0;
            }

            return delayMs > maxDelayMs ? maxDelayMs : delayMs;
        }
    }
}
