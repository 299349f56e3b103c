using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ResilienceGen.Configuration
{
    /// <summary>
    /// Turns the <c>ResilienceGen</c> section into runtime overrides and kill switches, and remembers what it set
    /// so that the next pass can undo what the configuration no longer says (a removed key restores the declared
    /// value). Not thread-safe: <see cref="ConfigurationBinding"/> calls it under a lock.
    /// </summary>
    internal sealed class OverrideApplier
    {
        private HashSet<string> _breakerOverrides = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string> _breakerSwitches = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string> _retryOverrides = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string> _timeoutOverrides = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string> _methodSwitches = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string> _budgetOverrides = new HashSet<string>(StringComparer.Ordinal);
        private bool _globalSwitchSet;

        public void Apply(IConfigurationSection root, ErrorReporter errors)
        {
            var breakerOverrides = new HashSet<string>(StringComparer.Ordinal);
            var breakerSwitches = new HashSet<string>(StringComparer.Ordinal);
            var retryOverrides = new HashSet<string>(StringComparer.Ordinal);
            var timeoutOverrides = new HashSet<string>(StringComparer.Ordinal);
            var methodSwitches = new HashSet<string>(StringComparer.Ordinal);
            var budgetOverrides = new HashSet<string>(StringComparer.Ordinal);
            bool globalSwitchSet = false;

            foreach (IConfigurationSection child in root.GetChildren())
            {
                if (Is(child, ConfigurationKeys.Enabled))
                {
                    globalSwitchSet = ApplyGlobalSwitch(child, errors);
                    _globalSwitchSet |= globalSwitchSet;
                }
                else if (Is(child, ConfigurationKeys.Breakers))
                {
                    foreach (IConfigurationSection entry in Entries(child, errors))
                    {
                        ParsedEntry<CircuitBreakerOptions> parsed = EntryReader.Read(entry, ConfigurationKeys.BreakerSettings, errors);
                        if (ConfigureOverride(parsed, Resilience.Breakers.Configure, errors))
                        {
                            Remember(parsed.Name, breakerOverrides, _breakerOverrides);
                        }

                        if (parsed.Enabled is bool enabled)
                        {
                            Resilience.Breakers.SetEnabled(parsed.Name, enabled);
                            Remember(parsed.Name, breakerSwitches, _breakerSwitches);
                        }
                    }
                }
                else if (Is(child, ConfigurationKeys.Methods))
                {
                    foreach (IConfigurationSection entry in Entries(child, errors))
                    {
                        ParsedEntry<RetryOptions> parsed = EntryReader.Read(entry, ConfigurationKeys.RetrySettings, errors, ConfigurationKeys.TimeoutSettings.Keys);
                        if (ConfigureOverride(parsed, Resilience.Methods.ConfigureRetry, errors))
                        {
                            Remember(parsed.Name, retryOverrides, _retryOverrides);
                        }

                        ParsedEntry<TimeoutOptions> timeouts = EntryReader.Read(entry, ConfigurationKeys.TimeoutSettings, errors, secondary: true);
                        if (ConfigureOverride(timeouts, Resilience.Methods.ConfigureTimeout, errors))
                        {
                            Remember(timeouts.Name, timeoutOverrides, _timeoutOverrides);
                        }

                        if (parsed.Enabled is bool enabled)
                        {
                            Resilience.Methods.SetEnabled(parsed.Name, enabled);
                            Remember(parsed.Name, methodSwitches, _methodSwitches);
                        }
                    }
                }
                else if (Is(child, ConfigurationKeys.Budgets))
                {
                    foreach (IConfigurationSection entry in Entries(child, errors))
                    {
                        ParsedEntry<RetryBudgetOptions> parsed = EntryReader.Read(entry, ConfigurationKeys.BudgetSettings, errors);
                        if (ConfigureOverride(parsed, Resilience.Budgets.Configure, errors))
                        {
                            Remember(parsed.Name, budgetOverrides, _budgetOverrides);
                        }

                        if (parsed.Enabled is not null)
                        {
                            errors.Report(new ResilienceConfigurationError(
                                entry.Path + ":" + ConfigurationKeys.Enabled, null, "a retry budget has no kill switch; set Percent to 0 for no cap"));
                        }
                    }
                }
                else
                {
                    errors.Report(new ResilienceConfigurationError(
                        child.Path, child.Value, "unknown key; known keys: Enabled, Breakers, Methods, Budgets"));
                }
            }

            // What an earlier pass set and this one no longer says goes back to the declared value / switched on.
            foreach (string name in _breakerOverrides.Except(breakerOverrides))
            {
                Resilience.Breakers.RemoveOverride(name);
            }

            foreach (string name in _breakerSwitches.Except(breakerSwitches))
            {
                Resilience.Breakers.SetEnabled(name, true);
            }

            foreach (string name in _retryOverrides.Except(retryOverrides))
            {
                Resilience.Methods.RemoveRetryOverride(name);
            }

            foreach (string name in _timeoutOverrides.Except(timeoutOverrides))
            {
                Resilience.Methods.RemoveTimeoutOverride(name);
            }

            foreach (string name in _methodSwitches.Except(methodSwitches))
            {
                Resilience.Methods.SetEnabled(name, true);
            }

            foreach (string name in _budgetOverrides.Except(budgetOverrides))
            {
                Resilience.Budgets.RemoveOverride(name);
            }

            if (_globalSwitchSet && !globalSwitchSet && !Resilience.Enabled)
            {
                Resilience.Enabled = true;
            }

            _breakerOverrides = breakerOverrides;
            _breakerSwitches = breakerSwitches;
            _retryOverrides = retryOverrides;
            _timeoutOverrides = timeoutOverrides;
            _methodSwitches = methodSwitches;
            _budgetOverrides = budgetOverrides;
            _globalSwitchSet = globalSwitchSet;
        }

        /// <summary>
        /// Records a name this pass set, in this pass's set and at once in the remembered one too: if the pass
        /// fails half-way (a provider throwing), the next pass still knows to undo it.
        /// </summary>
        private static void Remember(string name, HashSet<string> thisPass, HashSet<string> remembered)
        {
            thisPass.Add(name);
            remembered.Add(name);
        }

        private static bool Is(IConfigurationSection section, string key) => string.Equals(section.Key, key, StringComparison.OrdinalIgnoreCase);

        private static bool ApplyGlobalSwitch(IConfigurationSection section, ErrorReporter errors)
        {
            if (string.IsNullOrWhiteSpace(section.Value))
            {
                return false;
            }

            if (!SettingParsers.TryParseBool(section.Value!, out bool enabled))
            {
                errors.Report(new ResilienceConfigurationError(section.Path, section.Value, "expected true or false"));
                return false;
            }

            if (Resilience.Enabled != enabled)
            {
                Resilience.Enabled = enabled; // every change makes each method rebuild its policy once: skip no-ops
            }

            return true;
        }

        /// <summary>The named entries under <c>Breakers</c>, <c>Methods</c> or <c>Budgets</c>; a bare value there is reported.</summary>
        private static IEnumerable<IConfigurationSection> Entries(IConfigurationSection parent, ErrorReporter errors)
        {
            if (!string.IsNullOrWhiteSpace(parent.Value))
            {
                errors.Report(new ResilienceConfigurationError(parent.Path, parent.Value, "expected a section of named entries, found a value"));
            }

            foreach (IConfigurationSection entry in parent.GetChildren())
            {
                if (!string.IsNullOrWhiteSpace(entry.Value))
                {
                    errors.Report(new ResilienceConfigurationError(entry.Path, entry.Value, "expected a section of settings, found a value"));
                    continue;
                }

                yield return entry;
            }
        }

        /// <summary>
        /// Hands the entry's values to the runtime as one override. The runtime checks ranges itself and names the
        /// property it refuses (the exception's <c>ParamName</c>): that value is reported and
        /// dropped, and the rest is tried again, so one bad value never costs the good ones.
        /// </summary>
        /// <returns>True if an override is now registered for the entry's name.</returns>
        private static bool ConfigureOverride<TOptions>(
            ParsedEntry<TOptions> entry, Action<string, Action<TOptions>> configure, ErrorReporter errors)
        {
            List<ParsedValue<TOptions>> values = entry.Values;
            while (values.Count > 0)
            {
                Action<TOptions>[] assignments = values.Select(v => v.Apply).ToArray();
                try
                {
                    configure(entry.Name, options =>
                    {
                        foreach (Action<TOptions> assign in assignments)
                        {
                            assign(options);
                        }
                    });
                    return true;
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    int refused = values.FindIndex(v => string.Equals(v.Key, ex.ParamName, StringComparison.OrdinalIgnoreCase));
                    if (refused < 0)
                    {
                        // The runtime refused a property this entry did not set: none of its values can be applied.
                        foreach (ParsedValue<TOptions> value in values)
                        {
                            errors.Report(new ResilienceConfigurationError(value.Path, value.Raw, "refused by the runtime: " + FirstLine(ex.Message), ex));
                        }

                        return false;
                    }

                    ParsedValue<TOptions> bad = values[refused];
                    errors.Report(new ResilienceConfigurationError(bad.Path, bad.Raw, "out of range: " + FirstLine(ex.Message), ex));
                    values.RemoveAt(refused);
                }
            }

            return false;
        }

        private static string FirstLine(string message)
        {
            int end = message.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? message : message.Substring(0, end);
        }
    }
}
