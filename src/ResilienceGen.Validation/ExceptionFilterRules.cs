using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>RG0008 (Handle/Ignore list a non-exception type) and RG0009 (ShouldHandle names no usable method).</summary>
    internal static class ExceptionFilterRules
    {
        public static void Check(IMethodSymbol method, AttributeData attribute, ExceptionFilterDeclaration filter, KnownTypes types, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var fallback = SyntaxLookup.NameLocation(method);
            CheckTypeList(attribute, ExceptionFilterDeclaration.HandleProperty, filter.Handle, types, fallback, problems, cancellationToken);
            CheckTypeList(attribute, ExceptionFilterDeclaration.IgnoreProperty, filter.Ignore, types, fallback, problems, cancellationToken);
            CheckShouldHandle(method, attribute, filter.ShouldHandle, fallback, problems, cancellationToken);
        }

        private static void CheckTypeList(AttributeData attribute, string property, ImmutableArray<TypedConstant> elements, KnownTypes types, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            if (types.Exception == null)
            {
                return;
            }

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

        private static void CheckShouldHandle(IMethodSymbol method, AttributeData attribute, HookDeclaration? shouldHandle, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var why = shouldHandle?.Result.WhyNot;
            if (shouldHandle != null && why != null)
            {
                var location = AttributeArguments.LocationOf(attribute, ExceptionFilterDeclaration.ShouldHandleProperty, fallback, cancellationToken);
                problems.Add(DeclarationProblem.Error(DiagnosticIds.ShouldHandleNotFound, location, shouldHandle.Name, AttributeArguments.ShortName(attribute), why, method.ContainingType.Name));
            }
        }
    }
}
