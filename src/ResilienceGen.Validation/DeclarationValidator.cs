using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

// For the generator: when Validate reports no error, the declaration's hooks (RetryDeclaration.OnRetry / RetryAfter,
// ResilientDeclaration.Fallback) and ShouldHandle predicates all resolved to a method. Call a hook on the type when it is
// static (the wrapper's own static-ness was checked), otherwise on the instance; OnRetry and RetryAfter are never
// generic; a Fallback is generic only when the wrapper is (same type parameter count and constraints): call it as
// Name<T1, ...>(...) with the wrapper's own type parameters in order. Hooks may live in a base type (accessible from the type).
namespace ResilienceGen.Validation
{
    /// <summary>
    /// The one routine that decides whether a [WithRetry]/[CircuitBreaker] method is valid.
    /// Linked into both the generator and the analyzers so the two never disagree.
    /// Never throws, whatever the user typed.
    /// </summary>
    /// <remarks>
    /// One mistake, one error: when the method's shape is wrong (RG0001), or the compiler already reports the
    /// mistake (a partial method in a non-partial type, an unknown type in the signature...), nothing else is checked.
    /// Problems with <see cref="DeclarationProblem.IsReportedByCompiler"/> are errors for the generator (no wrapper)
    /// but never reported by the analyzers.
    /// </remarks>
    internal static class DeclarationValidator
    {
        /// <summary>
        /// Every problem with the declared method; empty when it is valid. Cross-method checks (RG0010, shared breaker
        /// names) are not here: they need the whole compilation and live in the analyzer.
        /// </summary>
        public static ImmutableArray<DeclarationProblem> Validate(ResilientDeclaration declaration, CancellationToken cancellationToken)
        {
            var definition = declaration.Method;
            var types = declaration.Types;
            var shapeProblem = ShapeRules.Check(declaration.Attributed, definition, cancellationToken);
            if (shapeProblem != null)
            {
                return ImmutableArray.Create(shapeProblem);
            }

            if (TypeFacts.ContainsErrorType(definition.ReturnType) || definition.Parameters.Any(p => TypeFacts.ContainsErrorType(p.Type)))
            {
                return ImmutableArray.Create(DeclarationProblem.LeftToCompiler(declaration.NameLocation));
            }

            var problems = new List<DeclarationProblem>();
            SignatureRules.Check(definition, declaration.Retry != null, types, problems, cancellationToken);
            CoreMethodRules.Check(definition, problems);

            var fallback = declaration.NameLocation;
            if (declaration.Retry is RetryDeclaration retry)
            {
                AttributeValueRules.CheckRetry(retry, types, fallback, problems, cancellationToken);
                ExceptionFilterRules.Check(definition, retry.Attribute, retry.Filter, types, problems, cancellationToken);
            }

            if (declaration.Breaker is BreakerDeclaration breaker)
            {
                AttributeValueRules.CheckBreaker(breaker, fallback, problems, cancellationToken);
                ExceptionFilterRules.Check(definition, breaker.Attribute, breaker.Filter, types, problems, cancellationToken);
            }

            if (declaration.Timeout is TimeoutDeclaration timeout)
            {
                AttributeValueRules.CheckTimeout(timeout, fallback, problems, cancellationToken);
                TimeoutRules.Check(declaration, problems, cancellationToken);
            }

            HookRules.Check(declaration, problems, cancellationToken);
            KeyByRules.Check(declaration, problems, cancellationToken);

            return problems.ToImmutableArray();
        }

        /// <summary>True when any problem is an error: the generator emits a throwing stub (or nothing) instead of a wrapper.</summary>
        public static bool HasErrors(ImmutableArray<DeclarationProblem> problems)
        {
            foreach (var problem in problems)
            {
                if (problem.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
