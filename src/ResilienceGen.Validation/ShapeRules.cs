using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// RG0001: the attributed method must be a partial declaration without a body, in partial types.
    /// When the shape is wrong nothing else is checked: one mistake, one error.
    /// Where the compiler already reports the mistake clearly, the problem is marked as the compiler's.
    /// </summary>
    internal static class ShapeRules
    {
        /// <summary>The single problem with the method's shape, or null when it is a body-less partial definition.</summary>
        public static DeclarationProblem? Check(IMethodSymbol attributed, IMethodSymbol definition, CancellationToken cancellationToken)
        {
            var nameLocation = SyntaxLookup.NameLocation(definition);
            if (TypeFacts.IsExtensionBlock(definition.ContainingType))
            {
                // C# 14 extension(...) members cannot be partial, so no wrapper can be written for them; the compiler
                // reports 'partial' there, and advice of ours ("make it partial") could not be followed.
                return DeclarationProblem.LeftToCompiler(nameLocation);
            }

            if (attributed.MethodKind != MethodKind.Ordinary)
            {
                return NotBodylessPartial(definition, nameLocation, "is not an ordinary method of a type");
            }

            var declaration = SyntaxLookup.Declaration(definition, cancellationToken);
            if (declaration == null)
            {
                return DeclarationProblem.LeftToCompiler(nameLocation);
            }

            if (!SyntaxLookup.HasModifier(declaration, SyntaxKind.PartialKeyword))
            {
                return NotBodylessPartial(definition, nameLocation, ReasonNotPartial(definition, declaration));
            }

            // CS0751 (partial method in a non-partial type) / CS0260 (missing partial on one of the type's declarations).
            if (!SyntaxLookup.AllContainingTypesPartial(definition, cancellationToken))
            {
                return DeclarationProblem.LeftToCompiler(nameLocation);
            }

            // A partial method with a body but no defining declaration: the user added 'partial' and kept the body. The
            // compiler's CS0759 says a declaration is missing; ours says where the body goes, and its fix moves it.
            if (!definition.IsPartialDefinition)
            {
                return NotBodylessPartial(definition, nameLocation, "is partial and has a body but no declaration without one");
            }

            var implementation = definition.PartialImplementationPart;
            if (implementation != null && !SyntaxLookup.IsWrittenByGenerator(implementation, cancellationToken))
            {
                return NotBodylessPartial(definition, nameLocation, "has an implementing declaration with a body");
            }

            // CS8796: a partial method with a non-void return or virtual/override/sealed/new/extern needs an accessibility modifier.
            if (!SyntaxLookup.HasAccessibilityModifier(declaration) && (!definition.ReturnsVoid || HasModifierNeedingAccessibility(declaration)))
            {
                return DeclarationProblem.LeftToCompiler(nameLocation);
            }

            return null;
        }

        private static string ReasonNotPartial(IMethodSymbol method, MethodDeclarationSyntax declaration)
        {
            if (method.IsAbstract)
            {
                return "is abstract";
            }

            if (method.IsExtern)
            {
                return "is extern";
            }

            return declaration.Body == null && declaration.ExpressionBody == null ? "is not partial" : "is not partial and has a body";
        }

        private static bool HasModifierNeedingAccessibility(MethodDeclarationSyntax declaration)
            => SyntaxLookup.HasModifier(declaration, SyntaxKind.VirtualKeyword) || SyntaxLookup.HasModifier(declaration, SyntaxKind.OverrideKeyword)
                || SyntaxLookup.HasModifier(declaration, SyntaxKind.SealedKeyword) || SyntaxLookup.HasModifier(declaration, SyntaxKind.NewKeyword)
                || SyntaxLookup.HasModifier(declaration, SyntaxKind.ExternKeyword);

        private static DeclarationProblem NotBodylessPartial(IMethodSymbol method, Location location, string reason)
            => DeclarationProblem.Error(DiagnosticIds.NotBodylessPartial, location, method.Name, reason, CoreMethodNaming.CoreNameFor(method.Name));
    }
}
