using System;
using System.Globalization;

namespace ResilienceGen.Configuration
{
    /// <summary>
    /// Parses configuration strings the same way on every machine: invariant culture, so "0.5" means a half even
    /// where the current culture writes "0,5". No reflection, so the package stays trim- and AOT-safe.
    /// </summary>
    internal static class SettingParsers
    {
        public static bool TryParseInt(string raw, out int value)
            => int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        public static bool TryParseDouble(string raw, out double value)
            => double.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                   CultureInfo.InvariantCulture, out value)
               && !double.IsNaN(value) && !double.IsInfinity(value);

        public static bool TryParseBool(string raw, out bool value) => bool.TryParse(raw.Trim(), out value);

        /// <summary>Accepts the enum's names only (any casing), not numbers, so an undefined kind cannot slip in.</summary>
        public static bool TryParseBackoff(string raw, out BackoffKind value)
        {
            string name = raw.Trim();
            foreach (BackoffKind kind in new[] { BackoffKind.Constant, BackoffKind.Linear, BackoffKind.Exponential, BackoffKind.DecorrelatedJitter })
            {
                if (string.Equals(name, kind.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    value = kind;
                    return true;
                }
            }

            value = default;
            return false;
        }
    }
}
