using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// Finds the method a hook property (OnRetry, RetryAfter, Fallback) or ShouldHandle names, the way the generated lambda calls it:
    /// an ordinary method of the type or a base type, callable by name and accessible from the type's own code.
    /// </summary>
    internal static class HookLookup
    {
        /// <summary>The outcome: the usable method, or why there is none (null when the compiler already reports the problem).</summary>
        public sealed class Result
        {
            public Result(IMethodSymbol? method, string? whyNot)
            {
                Method = method;
                WhyNot = whyNot;
            }

            public IMethodSymbol? Method { get; }

            public string? WhyNot { get; }

            /// <summary>True when the named method mentions a type the compiler cannot resolve: no diagnostic of ours.</summary>
            public bool LeftToCompiler => Method == null && WhyNot == null;
        }

        /// <param name="difference">Null when a candidate has the hook's shape; otherwise what differs, for the message.</param>
        /// <param name="shapeText">The expected shape, e.g. <c>void M(int attempt, TimeSpan delay, Exception exception)</c>.</param>
        public static Result Find(IMethodSymbol method, string name, KnownTypes types, Func<IMethodSymbol, string?> difference, string shapeText)
        {
            var candidates = Candidates(method, name, types);
            if (candidates.Count == 0)
            {
                return new Result(null, "'" + method.ContainingType.Name + "' has no accessible method of that name");
            }

            var shaped = candidates.Where(c => difference(c) == null).ToList();
            if (shaped.Count == 0 && candidates.Any(c => TypeFacts.ContainsErrorType(c.ReturnType) || c.Parameters.Any(p => TypeFacts.ContainsErrorType(p.Type))))
            {
                // Perhaps the overload the user meant: the compiler reports its unknown type, and that one error is enough.
                return new Result(null, null);
            }

            if (shaped.Count == 0)
            {
                var closest = difference(candidates[0]);
                return new Result(null, candidates.Count == 1 && closest != null
                    ? closest
                    : "no method of that name has the shape '" + shapeText + "'");
            }

            // The generated lambda of a static wrapper has no instance to call an instance hook on.
            var usable = method.IsStatic ? shaped.FirstOrDefault(c => c.IsStatic) : shaped[0];
            return usable != null
                ? new Result(usable, null)
                : new Result(null, "it is an instance method and '" + method.Name + "' is static");
        }

        /// <summary>
        /// The ShouldHandle predicate <c>bool name(Exception)</c>: as <see cref="Find"/>, with its own messages (a candidate
        /// with an unknown type still gets RG0009, as the predicate's shape is fixed).
        /// </summary>
        public static Result FindPredicate(IMethodSymbol method, string name, KnownTypes types)
        {
            var candidates = Candidates(method, name, types);
            if (candidates.Count == 0)
            {
                return new Result(null, "'" + method.ContainingType.Name + "' has no accessible method of that name");
            }

            var shaped = candidates.Where(c => IsPredicateShape(c, types)).ToList();
            if (shaped.Count == 0)
            {
                return new Result(null, "no method of that name has the shape 'bool " + name + "(Exception)'");
            }

            var usable = method.IsStatic ? shaped.FirstOrDefault(c => c.IsStatic) : shaped[0];
            return usable != null
                ? new Result(usable, null)
                : new Result(null, "it is an instance method and '" + method.Name + "' is static");
        }

        private static bool IsPredicateShape(IMethodSymbol candidate, KnownTypes types)
            => candidate.Arity == 0
               && !candidate.ReturnsByRef && !candidate.ReturnsByRefReadonly
               && candidate.ReturnType.SpecialType == SpecialType.System_Boolean
               && candidate.Parameters.Length == 1
               && candidate.Parameters[0].RefKind == RefKind.None
               && SymbolEqualityComparer.Default.Equals(candidate.Parameters[0].Type, types.Exception);

        private static List<IMethodSymbol> Candidates(IMethodSymbol method, string name, KnownTypes types)
        {
            var candidates = new List<IMethodSymbol>();
            var containingType = method.ContainingType;
            for (var type = containingType; type != null; type = type.BaseType)
            {
                candidates.AddRange(type.GetMembers(name).OfType<IMethodSymbol>()
                    .Where(m => m.MethodKind == MethodKind.Ordinary
                        && m.CanBeReferencedByName
                        && types.Compilation.IsSymbolAccessibleWithin(m, containingType, containingType)));
            }

            return candidates;
        }
    }
}
