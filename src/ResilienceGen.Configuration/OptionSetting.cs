using System;

namespace ResilienceGen.Configuration
{
    /// <summary>
    /// One configurable property of <typeparamref name="TOptions"/>: its configuration key, how to parse it, and
    /// what to say when the text does not parse.
    /// </summary>
    internal sealed class OptionSetting<TOptions>
    {
        private readonly Func<string, Action<TOptions>?> _parse;

        private OptionSetting(string key, string expected, Func<string, Action<TOptions>?> parse)
        {
            Key = key;
            Expected = expected;
            _parse = parse;
        }

        /// <summary>The key under the breaker's or method's section; matches the options property name.</summary>
        public string Key { get; }

        /// <summary>What a valid value looks like, for error messages.</summary>
        public string Expected { get; }

        /// <summary>The assignment the text stands for, or null when it does not parse.</summary>
        public Action<TOptions>? Parse(string raw) => _parse(raw);

        public static OptionSetting<TOptions> Int(string key, Action<TOptions, int> set)
            => new OptionSetting<TOptions>(key, "an integer", raw => SettingParsers.TryParseInt(raw, out int v) ? o => set(o, v) : null);

        public static OptionSetting<TOptions> Double(string key, Action<TOptions, double> set)
            => new OptionSetting<TOptions>(key, "a number written with a '.' decimal point", raw => SettingParsers.TryParseDouble(raw, out double v) ? o => set(o, v) : null);

        public static OptionSetting<TOptions> Bool(string key, Action<TOptions, bool> set)
            => new OptionSetting<TOptions>(key, "true or false", raw => SettingParsers.TryParseBool(raw, out bool v) ? o => set(o, v) : null);

        public static OptionSetting<TOptions> Backoff(string key, Action<TOptions, BackoffKind> set)
            => new OptionSetting<TOptions>(key, "Constant, Linear, Exponential or DecorrelatedJitter", raw => SettingParsers.TryParseBackoff(raw, out BackoffKind v) ? o => set(o, v) : null);
    }
}
