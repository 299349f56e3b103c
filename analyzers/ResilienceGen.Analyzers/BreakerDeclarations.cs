using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>
    /// Collects every valid [CircuitBreaker] declaration of one compilation (symbol actions run concurrently),
    /// then reports RG0010 on each declaration whose breaker name is shared with different settings.
    /// </summary>
    internal sealed class BreakerDeclarations
    {
        private readonly ConcurrentBag<Entry> _entries = new ConcurrentBag<Entry>();

        public void Add(ResilientDeclaration declaration, CancellationToken cancellationToken)
        {
            if (declaration.Breaker is BreakerDeclaration breaker)
            {
                _entries.Add(new Entry(breaker, breaker.NameLocation(declaration.NameLocation, cancellationToken), declaration.Method.ToDisplayString()));
            }
        }

        public void ReportConflicts(CompilationAnalysisContext context)
        {
            foreach (var group in _entries.GroupBy(e => e.Breaker.Name, System.StringComparer.Ordinal))
            {
                // A fixed order, so the same code always gives the same messages.
                var ordered = group.OrderBy(e => e.MethodName, System.StringComparer.Ordinal)
                    .ThenBy(e => e.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(e => e.Location.SourceSpan.Start)
                    .ToList();
                foreach (var entry in ordered)
                {
                    foreach (var other in ordered)
                    {
                        var difference = ReferenceEquals(entry, other) ? null : entry.Breaker.FirstDifference(other.Breaker);
                        if (difference != null)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Descriptors.BreakerSettingsConflict, entry.Location,
                                entry.Breaker.Name, difference.Item1, difference.Item2, other.MethodName, Advice(entry, other)));
                            break;
                        }
                    }
                }
            }
        }

        /// <summary>Overloads share their method's name, and with it the default breaker name: say how to tell them apart.</summary>
        private static string Advice(Entry entry, Entry other)
            => entry.Breaker.HasDefaultName && other.Breaker.HasDefaultName
                ? OverloadsAdvice
                : SettingsAdvice;

        internal const string SettingsAdvice = "use the same settings everywhere, or different names";

        internal const string OverloadsAdvice = "overloads share their method's name and so its default breaker name: give each overload's breaker a name of its own ([CircuitBreaker(\"...\")]), or the same settings";

        private sealed class Entry
        {
            public Entry(BreakerDeclaration breaker, Location location, string methodName)
            {
                Breaker = breaker;
                Location = location;
                MethodName = methodName;
            }

            public BreakerDeclaration Breaker { get; }

            public Location Location { get; }

            public string MethodName { get; }
        }
    }
}
