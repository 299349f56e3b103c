using System;

namespace ResilienceGen.Redis
{
    /// <summary>How an instance joins a fleet that shares circuit breaker decisions through Redis (see <see cref="BreakerFleet.JoinAsync"/>).</summary>
    public sealed class BreakerFleetOptions
    {
        /// <summary>
        /// Required: the fleet's name, the prefix of every key (<c>&lt;Fleet&gt;:state:&lt;breaker&gt;</c> ...) and of the
        /// channel (<c>&lt;Fleet&gt;:events</c>). Instances on the same Redis with the same name share; nothing outside
        /// the prefix is read or written. Letters, digits and <c>- _ . : /</c>, at most 100.
        /// </summary>
        public string Fleet { get; set; } = string.Empty;

        /// <summary>Which breakers (by full name, keyed ones as <c>"&lt;Name&gt;/&lt;key&gt;"</c>) the fleet shares; null = all.</summary>
        public Func<string, bool>? Breakers { get; set; }

        /// <summary>
        /// How many instances must open a breaker within one break duration before it opens fleet-wide (so one bad node
        /// cannot open the fleet); 1..1000, default 1. Below the quorum an instance's breaker is still Open for itself.
        /// </summary>
        public int Quorum { get; set; } = 1;

        /// <summary>
        /// Fleet-wide failure counting (the shared contract's §8.2); default false (each instance counts alone). True:
        /// consecutive mode counts the failures since the last success anywhere in the fleet, ratio mode sums the
        /// sampling windows (and the minimum throughput) of the instances. Redis is written on failures and on the first
        /// success after them only (ratio mode: also each instance's window once per <see cref="SyncIntervalMs"/> while
        /// the fleet's window holds failures); a steady happy path sends nothing. The quorum then applies only to opens
        /// decided while Redis was unreachable. See docs/fleet.md.
        /// </summary>
        public bool CountFailuresFleetWide { get; set; }

        /// <summary>This instance's id in the fleet; default machine name, process id and a random suffix. No <c>|</c>, at most 200.</summary>
        public string? InstanceId { get; set; }

        /// <summary>
        /// How often the fleet's state keys are read back (repairing lost messages) and a held probe lease renewed;
        /// 50..60000 ms, default 1000. A probe lease lasts 3 × this, so a dead holder's lease expires that soon.
        /// </summary>
        public int SyncIntervalMs { get; set; } = 1000;

        internal BreakerFleetOptions Validated()
        {
            if (string.IsNullOrEmpty(Fleet))
            {
                throw new ArgumentException("BreakerFleetOptions.Fleet is required: the name instances sharing breakers have in common.", nameof(Fleet));
            }

            if (Fleet.Length > 100 || !IsPlainName(Fleet))
            {
                throw new ArgumentException($"BreakerFleetOptions.Fleet '{Fleet}' may hold only letters, digits and - _ . : / (at most 100).", nameof(Fleet));
            }

            if (Quorum < 1 || Quorum > 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(Quorum), Quorum, "BreakerFleetOptions.Quorum must be 1..1000.");
            }

            if (SyncIntervalMs < 50 || SyncIntervalMs > 60_000)
            {
                throw new ArgumentOutOfRangeException(nameof(SyncIntervalMs), SyncIntervalMs, "BreakerFleetOptions.SyncIntervalMs must be 50..60000.");
            }

            string instance = InstanceId ?? DefaultInstanceId();
            if (instance.Length == 0 || instance.Length > 200 || instance.IndexOf('|') >= 0 || HasControl(instance))
            {
                throw new ArgumentException($"BreakerFleetOptions.InstanceId '{instance}' must be 1..200 characters with no '|' or control character.", nameof(InstanceId));
            }

            return new BreakerFleetOptions
            {
                Fleet = Fleet,
                Breakers = Breakers,
                Quorum = Quorum,
                CountFailuresFleetWide = CountFailuresFleetWide,
                InstanceId = instance,
                SyncIntervalMs = SyncIntervalMs,
            };
        }

        private static string DefaultInstanceId()
        {
#if NET8_0_OR_GREATER
            int pid = Environment.ProcessId;
#else
            int pid = System.Diagnostics.Process.GetCurrentProcess().Id;
#endif
            return Environment.MachineName + "-" + pid + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        }

        private static bool IsPlainName(string value)
        {
            foreach (char c in value)
            {
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                          || c == '-' || c == '_' || c == '.' || c == ':' || c == '/';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasControl(string value)
        {
            foreach (char c in value)
            {
                if (char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
