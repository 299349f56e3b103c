using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// The one routine that decides whether a [WithRetry]/[CircuitBreaker] method is valid.
    /// Linked into both the generator and the analyzers so the two never disagree.
    /// Never throws, whatever the user typed.
    /// </summary>
    internal static class DeclarationValidator
    {
        /// <summary>
        /// Every problem with <paramref name="method"/> (the attributed partial declaration);
        /// empty when it is valid. Cross-method checks (RG0010, shared breaker names) are not here:
        /// they need the whole compilation and live in the analyzer.
        /// </summary>
        public static ImmutableArray<DeclarationProblem> Validate(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
        {
            // Placeholder until the analyzers work (issue 4) fills in RG0001-RG0012.
            return ImmutableArray<DeclarationProblem>.Empty;
        }
    }
}
