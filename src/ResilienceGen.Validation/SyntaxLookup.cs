using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResilienceGen.Validation
{
    /// <summary>Small syntax questions the rules ask about symbols declared in source.</summary>
    internal static class SyntaxLookup
    {
        public static MethodDeclarationSyntax? Declaration(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
                {
                    return declaration;
                }
            }

            return null;
        }

        /// <summary>The method's name token when it has one in source; otherwise its first location.</summary>
        public static Location NameLocation(ISymbol symbol)
            => symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? symbol.Locations.FirstOrDefault() ?? Location.None;

        public static bool HasModifier(MemberDeclarationSyntax declaration, SyntaxKind kind)
            => declaration.Modifiers.Any(m => m.IsKind(kind));

        public static bool HasAccessibilityModifier(MemberDeclarationSyntax declaration)
            => declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.PrivateKeyword)
                || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.InternalKeyword));

        /// <summary>True when every declaration of every containing type carries <c>partial</c>.</summary>
        public static bool AllContainingTypesPartial(ISymbol symbol, CancellationToken cancellationToken)
        {
            for (var type = symbol.ContainingType; type != null; type = type.ContainingType)
            {
                if (type.DeclaringSyntaxReferences.Length == 0)
                {
                    return false;
                }

                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (!(reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
                        || !HasModifier(declaration, SyntaxKind.PartialKeyword))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// True for an implementing declaration our generator wrote (the analyzers see generator output in the
        /// compilation): it lives in a generated file of the ResilienceGen generator or carries
        /// <c>[GeneratedCode("ResilienceGen", ...)]</c>.
        /// </summary>
        public static bool IsWrittenByGenerator(IMethodSymbol implementation, CancellationToken cancellationToken)
        {
            foreach (var reference in implementation.DeclaringSyntaxReferences)
            {
                var path = reference.SyntaxTree.FilePath ?? string.Empty;
                if (path.IndexOf("ResilienceGen.Generator", System.StringComparison.Ordinal) >= 0)
                {
                    return true;
                }

                if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration && HasResilienceGenGeneratedCode(declaration))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasResilienceGenGeneratedCode(MethodDeclarationSyntax declaration)
        {
            foreach (var attribute in declaration.AttributeLists.SelectMany(l => l.Attributes))
            {
                var name = attribute.Name.ToString();
                if (name.EndsWith("GeneratedCode", System.StringComparison.Ordinal) || name.EndsWith("GeneratedCodeAttribute", System.StringComparison.Ordinal))
                {
                    var first = attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression as LiteralExpressionSyntax;
                    if (first != null && first.Token.ValueText == "ResilienceGen")
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
