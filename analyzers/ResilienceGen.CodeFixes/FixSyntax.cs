using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace ResilienceGen.CodeFixes
{
    /// <summary>Syntax building blocks the code fixes share.</summary>
    internal static class FixSyntax
    {
        public static MethodDeclarationSyntax? MethodAt(SyntaxNode root, TextSpan span)
            => root.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();

        /// <summary>The method declaration at the diagnostic's span and its symbol; null when either cannot be had.</summary>
        public static async Task<(MethodDeclarationSyntax Declaration, IMethodSymbol Method)?> DeclaredMethodAtAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var declaration = root == null ? null : MethodAt(root, context.Span);
            if (declaration == null || semanticModel == null
                || !(semanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is IMethodSymbol method))
            {
                return null;
            }

            return (declaration, method);
        }

        public static bool IsAccessibility(SyntaxToken token)
            => token.IsKind(SyntaxKind.PublicKeyword) || token.IsKind(SyntaxKind.PrivateKeyword)
               || token.IsKind(SyntaxKind.ProtectedKeyword) || token.IsKind(SyntaxKind.InternalKeyword);

        /// <summary>
        /// A Core method from a declaration: same return type, type parameters, constraints and parameters;
        /// private (static, unsafe and async kept), no attributes, and the given body.
        /// </summary>
        public static MethodDeclarationSyntax CoreMethod(MethodDeclarationSyntax from, string coreName, BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody)
        {
            var modifiers = SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword));
            foreach (var kind in new[] { SyntaxKind.StaticKeyword, SyntaxKind.UnsafeKeyword, SyntaxKind.AsyncKeyword })
            {
                if (from.Modifiers.Any(kind))
                {
                    modifiers = modifiers.Add(SyntaxFactory.Token(kind));
                }
            }

            var method = SyntaxFactory.MethodDeclaration(from.ReturnType.WithoutTrivia(), SyntaxFactory.Identifier(coreName))
                .WithModifiers(modifiers)
                .WithTypeParameterList(from.TypeParameterList?.WithoutTrivia())
                .WithParameterList(from.ParameterList.WithoutTrivia())
                .WithConstraintClauses(SyntaxFactory.List(from.ConstraintClauses.Select(c => c.WithoutTrivia())));
            method = body != null
                ? method.WithBody(body)
                : method.WithExpressionBody(expressionBody).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
            return method.WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed).WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary><c>{ throw new System.NotImplementedException(); }</c></summary>
        public static BlockSyntax NotImplementedBody()
            => SyntaxFactory.Block(SyntaxFactory.ThrowStatement(
                SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("System.NotImplementedException"))
                    .WithArgumentList(SyntaxFactory.ArgumentList())));

        /// <summary>
        /// Adds <c>partial</c> as the last modifier (it must sit right before the return type or type keyword).
        /// With no modifiers yet, <c>partial</c> takes over the leading trivia (indentation) of <paramref name="next"/>.
        /// </summary>
        public static SyntaxTokenList WithPartial(SyntaxTokenList modifiers, ref SyntaxToken next)
        {
            if (modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return modifiers;
            }

            var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            if (modifiers.Count == 0)
            {
                partial = partial.WithLeadingTrivia(next.LeadingTrivia);
                next = next.WithLeadingTrivia();
            }

            return modifiers.Add(partial);
        }

        /// <summary>Adds <c>partial</c> to a type declaration, keeping its indentation.</summary>
        public static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
        {
            var keyword = type.Keyword;
            var modifiers = WithPartial(type.Modifiers, ref keyword);
            return type.WithModifiers(modifiers).WithKeyword(keyword);
        }

        /// <summary>Puts <paramref name="kind"/> first among the method's modifiers, keeping its indentation.</summary>
        /// <summary>Adds <c>partial</c> to every type around <paramref name="node"/> that lacks it (the generator adds a part to each).</summary>
        public static void MakeContainingTypesPartial(DocumentEditor editor, SyntaxNode node)
        {
            foreach (var type in node.Ancestors().OfType<TypeDeclarationSyntax>())
            {
                if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    editor.ReplaceNode(type, (current, _) => WithPartial((TypeDeclarationSyntax)current));
                }
            }
        }

        public static MethodDeclarationSyntax WithFirstModifier(MethodDeclarationSyntax method, SyntaxKind kind)
        {
            var token = SyntaxFactory.Token(kind).WithTrailingTrivia(SyntaxFactory.Space);
            if (method.Modifiers.Count == 0)
            {
                var returnType = method.ReturnType;
                return method.WithReturnType(returnType.WithoutLeadingTrivia())
                    .WithModifiers(SyntaxFactory.TokenList(token.WithLeadingTrivia(returnType.GetLeadingTrivia())));
            }

            var first = method.Modifiers[0];
            return method.WithModifiers(method.Modifiers.Replace(first, first.WithLeadingTrivia()).Insert(0, token.WithLeadingTrivia(first.LeadingTrivia)));
        }
    }
}
