using System;
using System.Collections.Generic;

namespace ResilienceGen.Configuration
{
    /// <summary>One breaker's or method's section after parsing: its kill switch, if given, and the valid values.</summary>
    internal sealed class ParsedEntry<TOptions>
    {
        public ParsedEntry(string name)
        {
            Name = name;
        }

        /// <summary>The breaker or method name: the section's key, dots and all.</summary>
        public string Name { get; }

        /// <summary>The entry's <c>Enabled</c> value; null when absent or invalid.</summary>
        public bool? Enabled { get; set; }

        /// <summary>The settings that parsed, in configuration order.</summary>
        public List<ParsedValue<TOptions>> Values { get; } = new List<ParsedValue<TOptions>>();
    }

    /// <summary>One setting that parsed: where it came from and the assignment it stands for.</summary>
    internal sealed class ParsedValue<TOptions>
    {
        public ParsedValue(string key, string path, string raw, Action<TOptions> apply)
        {
            Key = key;
            Path = path;
            Raw = raw;
            Apply = apply;
        }

        public string Key { get; }

        public string Path { get; }

        public string Raw { get; }

        public Action<TOptions> Apply { get; }
    }
}
