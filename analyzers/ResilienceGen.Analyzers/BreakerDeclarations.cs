using System.Threading;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>RG0010: the [CircuitBreaker] declarations of one compilation; a breaker name shared with different settings.</summary>
    internal sealed class BreakerDeclarations
    {
        internal const string SettingsAdvice = "use the same settings everywhere, or different names";

        internal const string OverloadsAdvice = "overloads share their method's name and so its default breaker name: give each overload's breaker a name of its own ([CircuitBreaker(\"...\")]), or the same settings";

        private readonly SharedNameConflicts<BreakerDeclaration> _conflicts = new SharedNameConflicts<BreakerDeclaration>(
            new SharedNameRule<BreakerDeclaration>(
                Descriptors.BreakerSettingsConflict, breaker => breaker.Name, (breaker, other) => breaker.FirstDifference(other),
                breaker => breaker.HasDefaultName, SettingsAdvice, OverloadsAdvice));

        public void Add(ResilientDeclaration declaration, CancellationToken cancellationToken)
        {
            if (declaration.Breaker is BreakerDeclaration breaker)
            {
                _conflicts.Add(breaker, breaker.NameLocation(declaration.NameLocation, cancellationToken), declaration.Method.ToDisplayString());
            }
        }

        public void ReportConflicts(Microsoft.CodeAnalysis.Diagnostics.CompilationAnalysisContext context) => _conflicts.ReportConflicts(context);
    }
}
