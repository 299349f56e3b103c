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

        public void Add(IMethodSymbol method, KnownTypes types, CancellationToken cancellationToken)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (types.IsCircuitBreaker(attribute))
                {
                    var location = AttributeArguments.NamedSyntax(attribute, "Name", cancellationToken)?.GetLocation()
                        ?? AttributeArguments.PositionalSyntax(attribute, 0, cancellationToken)?.GetLocation()
                        ?? AttributeArguments.AttributeLocation(attribute, SyntaxLookup.NameLocation(method), cancellationToken);
                    _entries.Add(new Entry(BreakerSettings.Read(attribute, method), location, method.ToDisplayString()));
                    return;
                }
            }
        }

        public void ReportConflicts(CompilationAnalysisContext context)
        {
            foreach (var group in _entries.GroupBy(e => e.Settings.Name, System.StringComparer.Ordinal))
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
                        var difference = ReferenceEquals(entry, other) ? null : entry.Settings.FirstDifference(other.Settings);
                        if (difference != null)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Descriptors.BreakerSettingsConflict, entry.Location,
                                entry.Settings.Name, difference.Item1, difference.Item2, other.MethodName));
                            break;
                        }
                    }
                }
            }
        }

        private sealed class Entry
        {
            public Entry(BreakerSettings settings, Location location, string methodName)
            {
                Settings = settings;
                Location = location;
                MethodName = methodName;
            }

            public BreakerSettings Settings { get; }

            public Location Location { get; }

            public string MethodName { get; }
        }
    }
}
