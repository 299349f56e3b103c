using System.Threading;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>
    /// RG0019: the [WithRetry] declarations with a retry budget (BudgetPercent above 0) of one compilation; a budget
    /// name shared with different budget settings.
    /// </summary>
    internal sealed class BudgetDeclarations
    {
        internal const string SettingsAdvice = "use the same BudgetPercent and BudgetMinPerSecond everywhere, or different Budget names";

        internal const string OverloadsAdvice = "overloads share their method's name and so its default budget name: give each overload's budget a name of its own (Budget = \"...\"), or the same settings";

        private readonly SharedNameConflicts<RetryDeclaration> _conflicts = new SharedNameConflicts<RetryDeclaration>(
            new SharedNameRule<RetryDeclaration>(
                Descriptors.BudgetSettingsConflict, retry => retry.BudgetName, (retry, other) => retry.FirstBudgetDifference(other),
                retry => retry.NamedBudget == null, SettingsAdvice, OverloadsAdvice));

        public void Add(ResilientDeclaration declaration, CancellationToken cancellationToken)
        {
            if (declaration.Retry is RetryDeclaration retry && retry.HasBudget)
            {
                string property = retry.NamedBudget != null ? RetryDeclaration.BudgetProperty : RetryDeclaration.BudgetPercentProperty;
                _conflicts.Add(retry, retry.LocationOf(property, declaration.NameLocation, cancellationToken), declaration.Method.ToDisplayString());
            }
        }

        public void ReportConflicts(Microsoft.CodeAnalysis.Diagnostics.CompilationAnalysisContext context) => _conflicts.ReportConflicts(context);
    }
}
