using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>RG0008 (Handle/Ignore list a non-exception type) and RG0009 (ShouldHandle names no usable method).</summary>
    internal static class ExceptionFilterRules
    {
        public static void Check(IMethodSymbol method, AttributeData attribute, KnownTypes types, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var fallback = SyntaxLookup.NameLocation(method);
            CheckTypeList(attribute, "Handle", types, fallback, problems, cancellationToken);
            CheckTypeList(attribute, "Ignore", types, fallback, problems, cancellationToken);
            CheckShouldHandle(method, attribute, types, fallback, problems, cancellationToken);
        }

        private static void CheckTypeList(AttributeData attribute, string property, KnownTypes types, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var value = AttributeArguments.Named(attribute, property);
            if (value == null || value.Value.IsNull || value.Value.Kind != TypedConstantKind.Array || types.Exception == null)
            {
                return;
            }

            var elements = value.Value.Values;
            for (var i = 0; i < elements.Length; i++)
            {
                var type = elements[i].Value as ITypeSymbol;
                // Unbound generics carry error-typed placeholder arguments, so they are checked before the error-type skip.
                if (type != null && TypeFacts.ContainsErrorType(type) && !(type is INamedTypeSymbol { IsUnboundGenericType: true }))
                {
                    continue;
                }

                string? shown = null;
                if (type == null)
                {
                    shown = "null";
                }
                else if (type is INamedTypeSymbol named && IsOpenGeneric(named))
                {
                    // typeof(Failed<>) arrives as the generic definition; the generated 'is' test needs a closed type.
                    shown = TypeFacts.Display(named.IsUnboundGenericType ? named : named.OriginalDefinition.ConstructUnboundGenericType());
                }
                else if (!TypeFacts.DerivesFrom(type, types.Exception))
                {
                    shown = TypeFacts.Display(type);
                }

                if (shown != null)
                {
                    var location = AttributeArguments.ElementLocation(attribute, property, i, fallback, cancellationToken);
                    problems.Add(DeclarationProblem.Error(DiagnosticIds.NotAnExceptionType, location, shown, property, AttributeArguments.ShortName(attribute)));
                }
            }
        }

        private static bool IsOpenGeneric(INamedTypeSymbol type)
        {
            for (var current = type; current != null; current = current.ContainingType)
            {
                if (current.IsUnboundGenericType || current.TypeArguments.Any(a => a is ITypeParameterSymbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static void CheckShouldHandle(IMethodSymbol method, AttributeData attribute, KnownTypes types, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            if (!(AttributeArguments.Named(attribute, "ShouldHandle")?.Value is string name))
            {
                return;
            }

            var why = WhyNotUsable(method, name, types);
            if (why != null)
            {
                var location = AttributeArguments.LocationOf(attribute, "ShouldHandle", fallback, cancellationToken);
                problems.Add(DeclarationProblem.Error(DiagnosticIds.ShouldHandleNotFound, location, name, AttributeArguments.ShortName(attribute), why, method.ContainingType.Name));
            }
        }

        /// <summary>Null when the type (or a base, non-private there) has a method <c>bool name(Exception)</c> the wrapper can call.</summary>
        private static string? WhyNotUsable(IMethodSymbol method, string name, KnownTypes types)
        {
            var candidates = new List<IMethodSymbol>();
            var containingType = method.ContainingType;
            for (var type = containingType; type != null; type = type.BaseType)
            {
                // Accessible from the type's own code, the way the generated lambda calls it.
                candidates.AddRange(type.GetMembers(name).OfType<IMethodSymbol>()
                    .Where(m => m.MethodKind == MethodKind.Ordinary && types.Compilation.IsSymbolAccessibleWithin(m, containingType, containingType)));
            }

            if (candidates.Count == 0)
            {
                return "'" + method.ContainingType.Name + "' has no accessible method of that name";
            }

            var shaped = candidates.Where(c => IsPredicateShape(c, types)).ToList();
            if (shaped.Count == 0)
            {
                return "no method of that name has the shape 'bool " + name + "(Exception)'";
            }

            if (method.IsStatic && shaped.All(c => !c.IsStatic))
            {
                return "it is an instance method and '" + method.Name + "' is static";
            }

            return null;
        }

        private static bool IsPredicateShape(IMethodSymbol candidate, KnownTypes types)
            => candidate.Arity == 0
               && candidate.ReturnsByRef == false && candidate.ReturnsByRefReadonly == false
               && candidate.ReturnType.SpecialType == SpecialType.System_Boolean
               && candidate.Parameters.Length == 1
               && candidate.Parameters[0].RefKind == RefKind.None
               && SymbolEqualityComparer.Default.Equals(candidate.Parameters[0].Type, types.Exception);
    }
}
