namespace ResilienceGen.Redis
{
    /// <summary>
    /// Every key and the channel of one fleet, all under its prefix. The breaker's name comes last, so any name
    /// (keyed ones hold a '/') gives keys no other breaker's can be.
    /// </summary>
    internal sealed class FleetKeys
    {
        public FleetKeys(string fleet)
        {
            Prefix = fleet + ":";
            Channel = Prefix + "events";
        }

        public string Prefix { get; }

        /// <summary>The pub/sub channel of the fleet's news.</summary>
        public string Channel { get; }

        /// <summary>The fleet's decision for a breaker: absent (closed), open (with the remaining break as its time to live) or isolated.</summary>
        public string State(string breaker) => Prefix + "state:" + breaker;

        /// <summary>The instances that opened a breaker within the break duration (a sorted set by Redis time), for the quorum.</summary>
        public string Votes(string breaker) => Prefix + "votes:" + breaker;

        /// <summary>The probe lease: who may probe the breaker now (expires if its holder dies).</summary>
        public string Lease(string breaker) => Prefix + "lease:" + breaker;

        /// <summary>Fleet-wide counting, consecutive mode: the failures since the last success anywhere (an integer; absent = 0).</summary>
        public string Count(string breaker) => Prefix + "count:" + breaker;

        /// <summary>Fleet-wide counting, ratio mode: each instance's window (a hash: instance -> <c>calls|failures|redis ms</c>).</summary>
        public string Window(string breaker) => Prefix + "window:" + breaker;
    }
}
