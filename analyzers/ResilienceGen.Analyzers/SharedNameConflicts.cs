using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ResilienceGen.Analyzers
{
    /// <summary>
    /// Collects the declarations of one compilation that name a shared runtime object (a breaker, a retry budget;
    /// symbol actions run concurrently), then reports a diagnostic on each one whose name is shared with different
    /// settings: the object is one, and the first method set up decides its settings. What is shared, and how two
    /// declarations differ, come from the <see cref="SharedNameRule{TSettings}"/>.
    /// </summary>
    internal sealed class SharedNameConflicts<TSettings>
        where TSettings : class
    {
        private readonly ConcurrentBag<Entry> _entries = new ConcurrentBag<Entry>();
        private readonly SharedNameRule<TSettings> _rule;

        public SharedNameConflicts(SharedNameRule<TSettings> rule) => _rule = rule;

        public void Add(TSettings settings, Location location, string methodName) => _entries.Add(new Entry(settings, location, methodName));

        public void ReportConflicts(CompilationAnalysisContext context)
        {
            foreach (var group in _entries.GroupBy(e => _rule.Name(e.Settings), StringComparer.Ordinal))
            {
                // A fixed order, so the same code always gives the same messages.
                var ordered = group.OrderBy(e => e.MethodName, StringComparer.Ordinal)
                    .ThenBy(e => e.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                    .ThenBy(e => e.Location.SourceSpan.Start)
                    .ToList();
                foreach (var entry in ordered)
                {
                    foreach (var other in ordered)
                    {
                        var difference = ReferenceEquals(entry, other) ? null : _rule.FirstDifference(entry.Settings, other.Settings);
                        if (difference != null)
                        {
                            // Overloads share their method's name, and with it the default name: say how to tell them apart.
                            string advice = _rule.HasDefaultName(entry.Settings) && _rule.HasDefaultName(other.Settings) ? _rule.OverloadsAdvice : _rule.SettingsAdvice;
                            context.ReportDiagnostic(Diagnostic.Create(_rule.Descriptor, entry.Location,
                                _rule.Name(entry.Settings), difference.Item1, difference.Item2, other.MethodName, advice));
                            break;
                        }
                    }
                }
            }
        }

        private sealed class Entry
        {
            public Entry(TSettings settings, Location location, string methodName)
            {
                Settings = settings;
                Location = location;
                MethodName = methodName;
            }

            public TSettings Settings { get; }

            public Location Location { get; }

            public string MethodName { get; }
        }
    }

    /// <summary>What one shared-name check compares: the shared name, the first differing setting, the advice.</summary>
    internal sealed class SharedNameRule<TSettings>
    {
        public SharedNameRule(
            DiagnosticDescriptor descriptor, Func<TSettings, string> name, Func<TSettings, TSettings, Tuple<string, string>?> firstDifference,
            Func<TSettings, bool> hasDefaultName, string settingsAdvice, string overloadsAdvice)
        {
            Descriptor = descriptor;
            Name = name;
            FirstDifference = firstDifference;
            HasDefaultName = hasDefaultName;
            SettingsAdvice = settingsAdvice;
            OverloadsAdvice = overloadsAdvice;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Func<TSettings, string> Name { get; }

        public Func<TSettings, TSettings, Tuple<string, string>?> FirstDifference { get; }

        public Func<TSettings, bool> HasDefaultName { get; }

        public string SettingsAdvice { get; }

        public string OverloadsAdvice { get; }
    }
}
