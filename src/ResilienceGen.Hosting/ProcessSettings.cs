using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Hosting
{
    /// <summary>The three process-wide values of <see cref="Resilience"/> that a host lends the runtime.</summary>
    internal sealed class ProcessSettings
    {
        public ProcessSettings(ILoggerFactory loggerFactory, TimeProvider timeProvider, IMeterFactory? meterFactory)
        {
            LoggerFactory = loggerFactory;
            TimeProvider = timeProvider;
            MeterFactory = meterFactory;
        }

        public ILoggerFactory LoggerFactory { get; }

        public TimeProvider TimeProvider { get; }

        public IMeterFactory? MeterFactory { get; }

        public static ProcessSettings Current() => new ProcessSettings(Resilience.LoggerFactory, Resilience.TimeProvider, Resilience.MeterFactory);

        public void Apply()
        {
            Resilience.LoggerFactory = LoggerFactory;
            Resilience.TimeProvider = TimeProvider;
            Resilience.MeterFactory = MeterFactory;
        }

        /// <summary>
        /// Puts these values back, each only where <paramref name="replaced"/>'s is still in force: a value someone
        /// set while the host ran (a test's clock, a second host) is theirs to keep.
        /// </summary>
        public void RestoreWhereStill(ProcessSettings replaced)
        {
            if (ReferenceEquals(Resilience.LoggerFactory, replaced.LoggerFactory))
            {
                Resilience.LoggerFactory = LoggerFactory;
            }

            if (ReferenceEquals(Resilience.TimeProvider, replaced.TimeProvider))
            {
                Resilience.TimeProvider = TimeProvider;
            }

            if (ReferenceEquals(Resilience.MeterFactory, replaced.MeterFactory))
            {
                Resilience.MeterFactory = MeterFactory;
            }
        }
    }
}
