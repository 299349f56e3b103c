using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ResilienceGen.Configuration
{
    /// <summary>
    /// Reads one breaker's or method's section (<c>Breakers:&lt;name&gt;</c>, <c>Methods:&lt;name&gt;</c>) into a
    /// <see cref="ParsedEntry{TOptions}"/>, reporting and skipping every key that is unknown or does not parse.
    /// </summary>
    internal static class EntryReader
    {
        /// <param name="entry">The breaker's or method's section.</param>
        /// <param name="settings">The keys this read understands.</param>
        /// <param name="errors">Where each skipped key is reported.</param>
        /// <param name="siblingKeys">
        /// Keys of the same entry that another options type reads (a method's timeouts beside its retry settings):
        /// not reported as unknown here.
        /// </param>
        /// <param name="secondary">
        /// True for the read of those sibling keys: <c>Enabled</c> and unknown keys are left to the primary read.
        /// </param>
        public static ParsedEntry<TOptions> Read<TOptions>(
            IConfigurationSection entry, IReadOnlyDictionary<string, OptionSetting<TOptions>> settings, ErrorReporter errors,
            IEnumerable<string>? siblingKeys = null, bool secondary = false)
        {
            var parsed = new ParsedEntry<TOptions>(ConfigurationKeys.NameOf(entry.Key));
            foreach (IConfigurationSection child in entry.GetChildren())
            {
                string? raw = child.Value;
                if (secondary && !settings.ContainsKey(child.Key))
                {
                    continue;
                }

                if (string.IsNullOrWhiteSpace(raw))
                {
                    // An empty value counts as absent (an emptied environment variable, a JSON null), but a
                    // section where a value belongs is a mistake worth saying.
                    if (child.GetChildren().Any())
                    {
                        errors.Report(new ResilienceConfigurationError(child.Path, null, "expected a value, found a section"));
                    }

                    continue;
                }

                if (string.Equals(child.Key, ConfigurationKeys.Enabled, StringComparison.OrdinalIgnoreCase))
                {
                    if (SettingParsers.TryParseBool(raw!, out bool enabled))
                    {
                        parsed.Enabled = enabled;
                    }
                    else
                    {
                        errors.Report(new ResilienceConfigurationError(child.Path, raw, "expected true or false"));
                    }

                    continue;
                }

                if (siblingKeys != null && siblingKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!settings.TryGetValue(child.Key, out OptionSetting<TOptions>? setting))
                {
                    string known = string.Join(", ", new[] { ConfigurationKeys.Enabled }.Concat(settings.Values.Select(s => s.Key)).Concat(siblingKeys ?? Enumerable.Empty<string>()));
                    errors.Report(new ResilienceConfigurationError(child.Path, raw, $"unknown key; known keys: {known}"));
                    continue;
                }

                Action<TOptions>? apply = setting.Parse(raw!);
                if (apply is null)
                {
                    errors.Report(new ResilienceConfigurationError(child.Path, raw, $"expected {setting.Expected}"));
                    continue;
                }

                parsed.Values.Add(new ParsedValue<TOptions>(setting.Key, child.Path, raw!, apply));
            }

            return parsed;
        }
    }
}
