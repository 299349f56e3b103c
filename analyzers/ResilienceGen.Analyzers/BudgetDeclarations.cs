using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>
    /// Collects every valid [WithRetry] declaration with a retry budget (BudgetPercent above 0) of one compilation,
    /// then reports RG0019 on each one whose budget name is shared with different budget settings: the budget is one
    /// object, and the first method set up decides its settings (as RG0010 says for breakers).
    /// </summary>
    internal sealed class BudgetDeclarations
    {
        private readonly ConcurrentBag<Entry> _entries = new ConcurrentBag<Entry>();

        public void Add(ResilientDeclaration declaration, CancellationToken cancellationToken)
        {
            if (declaration.Retry is RetryDeclaration retry && retry.HasBudget)
            {
                string property = retry.NamedBudget != null ? RetryDeclaration.BudgetProperty : RetryDeclaration.BudgetPercentProperty;
                _entries.Add(new Entry(retry, retry.LocationOf(property, declaration.NameLocation, cancellationToken), declaration.Method.ToDisplayString()));
            }
        }

        public void ReportConflicts(CompilationAnalysisContext context)
        {
            foreach (var group in _entries.GroupBy(e => e.Retry.BudgetName, System.StringComparer.Ordinal))
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
                        var difference = ReferenceEquals(entry, other) ? null : entry.Retry.FirstBudgetDifference(other.Retry);
                        if (difference != null)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Descriptors.BudgetSettingsConflict, entry.Location,
                                entry.Retry.BudgetName, difference.Item1, difference.Item2, other.MethodName, Advice(entry, other)));
                            break;
                        }
                    }
                }
            }
        }

        /// <summary>Overloads share their method's name, and with it the default budget name: say how to tell them apart.</summary>
        private static string Advice(Entry entry, Entry other)
            => entry.Retry.NamedBudget == null && other.Retry.NamedBudget == null ? OverloadsAdvice : SettingsAdvice;

        internal const string SettingsAdvice = "use the same BudgetPercent and BudgetMinPerSecond everywhere, or different Budget names";

        internal const string OverloadsAdvice = "overloads share their method's name and so its default budget name: give each overload's budget a name of its own (Budget = \"...\"), or the same settings";

        private sealed class Entry
        {
            public Entry(RetryDeclaration retry, Location location, string methodName)
            {
                Retry = retry;
                Location = location;
                MethodName = methodName;
            }

            public RetryDeclaration Retry { get; }

            public Location Location { get; }

            public string MethodName { get; }
        }
    }
}
