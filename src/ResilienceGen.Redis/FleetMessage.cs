using System;
using System.Globalization;

namespace ResilienceGen.Redis
{
    /// <summary>What a fleet message tells: a breaker opened (for so long), closed, was isolated or reset.</summary>
    internal enum FleetMessageKind
    {
        Open,
        Close,
        Isolate,
        Reset,

        /// <summary>Fleet-wide counting, consecutive mode: the fleet's failure count is now ms (0: a success ended the streak).</summary>
        Count,

        /// <summary>Fleet-wide counting, ratio mode: the fleet's window has failures: every instance writes its window now.</summary>
        Window,
    }

    /// <summary>
    /// One message on the fleet's channel, version 1: <c>rgf1|&lt;kind&gt;|&lt;instance&gt;|&lt;ms&gt;|&lt;breaker&gt;</c>
    /// (kind open/close/isolate/reset/count/window; ms the remaining break of an open, the fleet's failure count of a count, else 0; the breaker's name last, so it
    /// may hold any character). Anything else is invalid.
    /// </summary>
    internal readonly struct FleetMessage
    {
        public const string Version = "rgf1";
        public const int MaxBreakerNameLength = 1024;
        private const long MaxMilliseconds = 31L * 24 * 3600 * 1000;

        public FleetMessage(FleetMessageKind kind, string instance, long milliseconds, string breaker)
        {
            Kind = kind;
            Instance = instance;
            Milliseconds = milliseconds;
            Breaker = breaker;
        }

        public FleetMessageKind Kind { get; }

        public string Instance { get; }

        public long Milliseconds { get; }

        public string Breaker { get; }

        public string Format()
            => Version + "|" + KindName(Kind) + "|" + Instance + "|" + Milliseconds.ToString(CultureInfo.InvariantCulture) + "|" + Breaker;

        /// <summary>Parses a message; false (and why) for anything that is not a valid version-1 message.</summary>
        public static bool TryParse(string? text, out FleetMessage message, out string reason)
        {
            message = default;
            if (text is null || text.Length == 0)
            {
                reason = "empty";
                return false;
            }

            string[] parts = text.Split(new[] { '|' }, 5);
            if (parts.Length != 5)
            {
                reason = "not five '|'-separated fields";
                return false;
            }

            if (parts[0] != Version)
            {
                reason = "unknown version '" + Clip(parts[0]) + "'";
                return false;
            }

            if (!TryParseKind(parts[1], out FleetMessageKind kind))
            {
                reason = "unknown kind '" + Clip(parts[1]) + "'";
                return false;
            }

            if (parts[2].Length == 0 || parts[2].Length > 200)
            {
                reason = "bad instance id";
                return false;
            }

            if (!long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out long ms) || ms > MaxMilliseconds
                || (kind == FleetMessageKind.Open && ms == 0))
            {
                reason = "bad duration '" + Clip(parts[3]) + "'";
                return false;
            }

            if (parts[4].Length == 0 || parts[4].Length > MaxBreakerNameLength)
            {
                reason = "bad breaker name";
                return false;
            }

            message = new FleetMessage(kind, parts[2], ms, parts[4]);
            reason = string.Empty;
            return true;
        }

        internal static string Clip(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "...";

        private static string KindName(FleetMessageKind kind) => kind switch
        {
            FleetMessageKind.Open => "open",
            FleetMessageKind.Close => "close",
            FleetMessageKind.Isolate => "isolate",
            FleetMessageKind.Count => "count",
            FleetMessageKind.Window => "window",
            _ => "reset",
        };

        private static bool TryParseKind(string text, out FleetMessageKind kind)
        {
            switch (text)
            {
                case "open": kind = FleetMessageKind.Open; return true;
                case "close": kind = FleetMessageKind.Close; return true;
                case "isolate": kind = FleetMessageKind.Isolate; return true;
                case "reset": kind = FleetMessageKind.Reset; return true;
                case "count": kind = FleetMessageKind.Count; return true;
                case "window": kind = FleetMessageKind.Window; return true;
                default: kind = default; return false;
            }
        }
    }

    /// <summary>What a state key holds: <c>rgf1|open|&lt;instance&gt;</c> (its time to live the remaining break) or <c>rgf1|isolated|&lt;instance&gt;</c>.</summary>
    internal enum FleetStateKind
    {
        Absent,
        Open,
        Isolated,
        Invalid,
    }

    internal static class FleetStateValue
    {
        public static string Open(string instance) => FleetMessage.Version + "|open|" + instance;

        public static string Isolated(string instance) => FleetMessage.Version + "|isolated|" + instance;

        public static string Lease(string instance) => FleetMessage.Version + "|lease|" + instance;

        public static FleetStateKind Parse(string? value, long pttlMs)
        {
            if (value is null)
            {
                return FleetStateKind.Absent;
            }

            string[] parts = value.Split(new[] { '|' }, 3);
            if (parts.Length != 3 || parts[0] != FleetMessage.Version || parts[2].Length == 0)
            {
                return FleetStateKind.Invalid;
            }

            switch (parts[1])
            {
                case "open":
                    return pttlMs > 0 ? FleetStateKind.Open : FleetStateKind.Invalid; // an open with no time to live is not ours
                case "isolated":
                    return FleetStateKind.Isolated;
                default:
                    return FleetStateKind.Invalid;
            }
        }
    }
}
