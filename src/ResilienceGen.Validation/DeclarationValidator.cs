using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

// For the generator (issue 8 hooks): RG0013 (OnRetry), RG0014 (Fallback) and RG0015 (RetryAfter) are checked by
// Validate below; when it reports no error, HookRules.Resolve(method, compilation) returns a HookMethods whose
// OnRetry / RetryAfter / Fallback are the named methods (null when not set). Call a hook on the type when
// HookMethods.IsStatic(hook) (method.IsStatic), otherwise on the instance; OnRetry and RetryAfter are never generic; a
// Fallback is generic only when the wrapper is (HookMethods.IsGeneric(hook), same type parameter count and constraints):
// call it as Name<T1, ...>(...) with the wrapper's own type parameters in order. [WithRetry] and [CircuitBreaker] never
// name two different fallbacks when Validate is clean. Hooks may live in a base type (accessible from the type).
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
        /// Every problem with <paramref name="method"/> (the attributed partial declaration);
        /// empty when it is valid. Cross-method checks (RG0010, shared breaker names) are not here:
        /// they need the whole compilation and live in the analyzer.
        /// </summary>
        public static ImmutableArray<DeclarationProblem> Validate(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
            => Validate(method, KnownTypes.From(compilation), cancellationToken);

        /// <summary>As above, with the known types resolved once per compilation (the analyzers do that).</summary>
        public static ImmutableArray<DeclarationProblem> Validate(IMethodSymbol method, KnownTypes types, CancellationToken cancellationToken)
        {
            if (method == null || !types.HasAttributes)
            {
                return ImmutableArray<DeclarationProblem>.Empty;
            }

            var definition = method.PartialDefinitionPart ?? method;
            types.FindAttributes(definition, out var retry, out var breaker);

            if (retry == null && breaker == null)
            {
                return ImmutableArray<DeclarationProblem>.Empty;
            }

            var shapeProblem = ShapeRules.Check(method, definition, cancellationToken);
            if (shapeProblem != null)
            {
                return ImmutableArray.Create(shapeProblem);
            }

            if (TypeFacts.ContainsErrorType(definition.ReturnType) || definition.Parameters.Any(p => TypeFacts.ContainsErrorType(p.Type)))
            {
                return ImmutableArray.Create(DeclarationProblem.LeftToCompiler(SyntaxLookup.NameLocation(definition)));
            }

            var problems = new List<DeclarationProblem>();
            SignatureRules.Check(definition, types, problems, cancellationToken);
            CoreMethodRules.Check(definition, problems);

            var fallback = SyntaxLookup.NameLocation(definition);
            if (retry != null)
            {
                AttributeValueRules.CheckRetry(retry, types, fallback, problems, cancellationToken);
                ExceptionFilterRules.Check(definition, retry, types, problems, cancellationToken);
            }

            if (breaker != null)
            {
                AttributeValueRules.CheckBreaker(breaker, fallback, problems, cancellationToken);
                ExceptionFilterRules.Check(definition, breaker, types, problems, cancellationToken);
            }

            HookRules.Check(definition, retry, breaker, types, problems, cancellationToken);

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
