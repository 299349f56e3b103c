using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace ResilienceGen.Redis
{
    /// <summary>
    /// The fleet's instrument, on a meter named <c>ResilienceGen</c> like the runtime's (so <c>AddMeter("ResilienceGen")</c>
    /// sees it): fleet messages and state keys dropped as invalid.
    /// </summary>
    internal static class FleetMetrics
    {
        private static readonly Meter s_meter = new Meter("ResilienceGen");

        public static readonly Counter<long> InvalidInputs = s_meter.CreateCounter<long>(
            "resiliencegen.fleet.invalid_messages", unit: "{message}",
            description: "Fleet messages on the channel, and state keys, ignored as invalid (garbage, foreign or another version).");

        public static void CountInvalid(string fleet, string kind)
        {
            if (InvalidInputs.Enabled)
            {
                InvalidInputs.Add(1, new KeyValuePair<string, object?>("fleet", fleet), new KeyValuePair<string, object?>("kind", kind));
            }
        }
    }
}
