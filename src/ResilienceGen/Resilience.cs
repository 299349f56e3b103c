using System;
using System.ComponentModel;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResilienceGen.Internal;

namespace ResilienceGen
{
    /// <summary>The runtime's front door: the breaker registry, the fallback logger factory and the clock.</summary>
    public static class Resilience
    {
        private const string RuntimeLoggerCategory = "ResilienceGen";

        private static volatile ILoggerFactory s_loggerFactory = NullLoggerFactory.Instance;
        private static volatile TimeProvider s_timeProvider = TimeProvider.System;
        private static LoggerCache? s_runtimeLogger; // read and written through Volatile

        /// <summary>Every circuit breaker of the process, by name.</summary>
        public static CircuitBreakerRegistry Breakers { get; } = new CircuitBreakerRegistry();

        /// <summary>Every retry budget of the process, by name (API.md §6.3).</summary>
        public static RetryBudgetRegistry Budgets { get; } = new RetryBudgetRegistry();

        /// <summary>Runtime control of resilient methods by name: retry overrides and per-method kill switches.</summary>
        public static ResilientMethodRegistry Methods { get; } = new ResilientMethodRegistry();

        /// <summary>
        /// The global kill switch. False: every wrapper calls its body directly and returns what it returns (no
        /// retry, no breaker, no counting), from the next call. Default true.
        /// </summary>
        public static bool Enabled
        {
            get => !Internal.RuntimeOverrides.GloballyDisabled;
            set => Internal.RuntimeOverrides.GloballyDisabled = !value;
        }

        /// <summary>
        /// Used when the type of a resilient method has no <see cref="ILogger"/> of its own. Default: the null
        /// factory (nothing is logged).
        /// </summary>
        public static ILoggerFactory LoggerFactory
        {
            get => s_loggerFactory;
            set => s_loggerFactory = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>
        /// The clock for every delay and break duration. Default <see cref="TimeProvider.System"/>; tests set a fake
        /// one to drive time.
        /// </summary>
        public static TimeProvider TimeProvider
        {
            get => s_timeProvider;
            set => s_timeProvider = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>
        /// The factory the <c>ResilienceGen</c> meter is created through, so that an app's metrics pipeline
        /// (<c>MetricCollector&lt;T&gt;</c>, OpenTelemetry) that filters by factory sees it. Default null: the runtime
        /// uses a meter of its own. Setting it moves every instrument (same names) to a meter from this factory
        /// from the next measurement on; the factory owns that meter. Null goes back to the runtime's own meter.
        /// </summary>
        public static IMeterFactory? MeterFactory
        {
            get => Telemetry.ResilienceMetrics.Factory;
            set => Telemetry.ResilienceMetrics.UseFactory(value);
        }

        /// <summary>
        /// For tests: puts the clock, logger factory and meter back to their defaults and drops every override and kill
        /// switch (breakers themselves stay; see <see cref="CircuitBreakerRegistry.ClearForTesting"/>).
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static void RestoreDefaultsForTesting()
        {
            Internal.RuntimeOverrides.Clear();
            Breakers.ReapplyOverrides();
            Budgets.RemoveAllOverrides();
            s_timeProvider = TimeProvider.System;
            s_loggerFactory = NullLoggerFactory.Instance;
            Telemetry.ResilienceMetrics.UseFactory(null);
        }

        /// <summary>The logger for events no method caused (Isolate, Reset): category <c>ResilienceGen</c>.</summary>
        internal static ILogger RuntimeLogger => LoggerCache.Get(ref s_runtimeLogger, RuntimeLoggerCategory);
    }
}
