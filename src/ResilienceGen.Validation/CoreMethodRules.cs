using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>RG0003 (no Core method), RG0004 (Core signature differs), RG0012 (Core not private).</summary>
    internal static class CoreMethodRules
    {
        public static void Check(IMethodSymbol method, List<DeclarationProblem> problems)
        {
            var coreName = CoreMethodNaming.CoreNameFor(method.Name);
            var candidates = FindCandidates(method, coreName);
            if (candidates.IsEmpty)
            {
                problems.Add(DeclarationProblem.Error(DiagnosticIds.CoreMethodMissing, SyntaxLookup.NameLocation(method), method.Name, coreName, ExpectedSignature(method, coreName)));
                return;
            }

            if (candidates.Any(c => c.Parameters.Any(p => TypeFacts.ContainsErrorType(p.Type)) || TypeFacts.ContainsErrorType(c.ReturnType)))
            {
                // The compiler reports the unknown type in the Core method; comparing against it would only add noise.
                return;
            }

            var matched = candidates.FirstOrDefault(c => FindDifference(method, c) == null);
            if (matched == null)
            {
                var closest = candidates.FirstOrDefault(c => c.Parameters.Length == method.Parameters.Length) ?? candidates[0];
                var difference = FindDifference(method, closest)!;
                problems.Add(DeclarationProblem.Error(DiagnosticIds.CoreMethodSignatureMismatch, difference.Location, coreName, method.Name, difference.Text));
                return;
            }

            if (matched.DeclaredAccessibility != Accessibility.Private && CanBePrivate(matched))
            {
                problems.Add(DeclarationProblem.NotError(DiagnosticIds.CoreMethodNotPrivate, SyntaxLookup.NameLocation(matched), coreName, TypeFacts.AccessibilityText(matched.DeclaredAccessibility), method.Name));
            }
        }

        /// <summary>The ordinary methods named like the Core method in the method's own type.</summary>
        public static ImmutableArray<IMethodSymbol> FindCandidates(IMethodSymbol method)
            => FindCandidates(method, CoreMethodNaming.CoreNameFor(method.Name));

        private static ImmutableArray<IMethodSymbol> FindCandidates(IMethodSymbol method, string coreName)
        {
            // A plain loop: this runs for every attributed method on every compilation, and there is usually one match.
            var members = method.ContainingType.GetMembers(coreName);
            var candidates = ImmutableArray.CreateBuilder<IMethodSymbol>(members.Length);
            foreach (var member in members)
            {
                if (member is IMethodSymbol candidate && candidate.MethodKind == MethodKind.Ordinary && !SymbolEqualityComparer.Default.Equals(candidate, method))
                {
                    candidates.Add(candidate);
                }
            }

            return candidates.Count == candidates.Capacity ? candidates.MoveToImmutable() : candidates.ToImmutable();
        }

        /// <summary>The matching Core method, or null when there is none.</summary>
        public static IMethodSymbol? FindMatch(IMethodSymbol method)
            => FindCandidates(method).FirstOrDefault(c => FindDifference(method, c) == null);

        /// <summary>
        /// A Core method that overrides, is virtual or abstract, or implements an interface member cannot simply become
        /// private; RG0012 stays quiet there (the design choice is deliberate and the fix would not compile).
        /// </summary>
        private static bool CanBePrivate(IMethodSymbol core)
        {
            return !(core.IsVirtual || core.IsAbstract || SignatureContracts.IsFixedByContract(core));
        }

        private sealed class Difference
        {
            public Difference(string text, Location location)
            {
                Text = text;
                Location = location;
            }

            public string Text { get; }

            public Location Location { get; }
        }

        // The texts and locations are built only once a difference is found: a matching Core method, the common case,
        // costs no strings.
        private static Difference? FindDifference(IMethodSymbol method, IMethodSymbol core)
        {
            if (method.IsStatic != core.IsStatic)
            {
                return new Difference(core.IsStatic ? "it is static but the declaration is not" : "it is not static but the declaration is", SyntaxLookup.NameLocation(core));
            }

            if (core.IsVararg)
            {
                return new Difference("it takes __arglist", SyntaxLookup.NameLocation(core));
            }

            if (method.Arity != core.Arity)
            {
                return new Difference("it has " + Count(core.Arity, "type parameter") + " but the declaration has " + method.Arity, SyntaxLookup.NameLocation(core));
            }

            var methodParameters = method.Parameters;
            var coreParameters = core.Parameters;
            if (methodParameters.Length != coreParameters.Length)
            {
                return new Difference("it has " + Count(coreParameters.Length, "parameter") + " but the declaration has " + methodParameters.Length, SyntaxLookup.NameLocation(core));
            }

            // Compare in the declaration's type parameters, so Core<U>(U x) matches M<T>(T x).
            var constructed = core.Arity == 0 ? core : core.Construct(method.TypeParameters.Cast<ITypeSymbol>().ToArray());
            var constructedParameters = core.Arity == 0 ? coreParameters : constructed.Parameters;
            for (var i = 0; i < methodParameters.Length; i++)
            {
                var expected = methodParameters[i];
                var actual = constructedParameters[i];
                if (expected.RefKind != actual.RefKind)
                {
                    return new Difference(Where(i, coreParameters[i]) + " is passed by " + TypeFacts.RefKindText(actual.RefKind) + " but the declaration's '" + expected.Name + "' is passed by " + TypeFacts.RefKindText(expected.RefKind), SyntaxLookup.NameLocation(coreParameters[i]));
                }

                // Nullability counts where the generated call would warn (a warning in generated code is a cascade too).
                if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type) || TypeFacts.NullabilityWarns(expected.Type, actual.Type))
                {
                    return new Difference(Where(i, coreParameters[i]) + " is '" + TypeFacts.Display(actual.Type) + "' but the declaration's '" + expected.Name + "' is '" + TypeFacts.Display(expected.Type) + "'", SyntaxLookup.NameLocation(coreParameters[i]));
                }
            }

            if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, constructed.ReturnType) || method.RefKind != core.RefKind
                || TypeFacts.NullabilityWarns(constructed.ReturnType, method.ReturnType))
            {
                return new Difference("it returns '" + TypeFacts.Display(constructed.ReturnType) + "' but the declaration returns '" + TypeFacts.Display(method.ReturnType) + "'", SyntaxLookup.NameLocation(core));
            }

            for (var i = 0; i < method.Arity; i++)
            {
                if (!SameConstraints(method.TypeParameters[i], core.TypeParameters[i]))
                {
                    return new Difference("its type parameter '" + core.TypeParameters[i].Name + "' has other constraints than the declaration's '" + method.TypeParameters[i].Name + "'", SyntaxLookup.NameLocation(core));
                }
            }

            return null;
        }

        private static string Where(int index, IParameterSymbol coreParameter) => "parameter " + (index + 1) + " '" + coreParameter.Name + "'";

        /// <summary>
        /// Constraint kinds must agree. Constraint types are compared by symbol when they do not mention type parameters,
        /// and by text when both methods name their type parameters alike; otherwise only their number is compared.
        /// </summary>
        internal static bool SameConstraints(ITypeParameterSymbol expected, ITypeParameterSymbol actual)
        {
            if (expected.HasReferenceTypeConstraint != actual.HasReferenceTypeConstraint
                || expected.HasValueTypeConstraint != actual.HasValueTypeConstraint
                || expected.HasUnmanagedTypeConstraint != actual.HasUnmanagedTypeConstraint
                || expected.HasNotNullConstraint != actual.HasNotNullConstraint
                || expected.HasConstructorConstraint != actual.HasConstructorConstraint
                || expected.AllowsRefLikeType != actual.AllowsRefLikeType
                || expected.ConstraintTypes.Length != actual.ConstraintTypes.Length)
            {
                return false;
            }

            var sameNames = expected.DeclaringMethod != null && actual.DeclaringMethod != null
                && expected.DeclaringMethod.TypeParameters.Select(t => t.Name).SequenceEqual(actual.DeclaringMethod.TypeParameters.Select(t => t.Name));
            var expectedTexts = expected.ConstraintTypes.Select(t => t.ToDisplayString()).OrderBy(t => t, System.StringComparer.Ordinal);
            var actualTexts = actual.ConstraintTypes.Select(t => t.ToDisplayString()).OrderBy(t => t, System.StringComparer.Ordinal);
            return !sameNames || expectedTexts.SequenceEqual(actualTexts);
        }

        private static string Count(int n, string noun) => n + " " + noun + (n == 1 ? string.Empty : "s");

        /// <summary>What the user should write, e.g. <c>private Task&lt;int&gt; GetCoreAsync(string sku, CancellationToken cancellationToken)</c>.</summary>
        public static string ExpectedSignature(IMethodSymbol method, string coreName)
        {
            var text = new StringBuilder("private ");
            if (method.IsStatic)
            {
                text.Append("static ");
            }

            text.Append(TypeFacts.Display(method.ReturnType)).Append(' ').Append(coreName);
            if (method.Arity > 0)
            {
                text.Append('<').Append(string.Join(", ", method.TypeParameters.Select(t => t.Name))).Append('>');
            }

            text.Append('(')
                .Append(string.Join(", ", method.Parameters.Select(p => TypeFacts.Display(p.Type) + " " + p.Name)))
                .Append(')');
            return text.ToString();
        }
    }
}
