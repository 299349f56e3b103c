using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using ResilienceGen.Validation;

namespace ResilienceGen.CodeFixes
{
    /// <summary>
    /// RG0001: turns the attributed method into a body-less partial declaration, moves its body into a new private
    /// Core method, and makes the containing types partial. Also handles a user-written implementing part.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveBodyToCoreMethodCodeFix)), Shared]
    public sealed class MoveBodyToCoreMethodCodeFix : CodeFixProvider
    {
        private const string Title = "Make it a partial declaration and move the body into a Core method";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NotBodylessPartial);

        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            if (!(await FixSyntax.DeclaredMethodAtAsync(context).ConfigureAwait(false) is var (declaration, method)))
            {
                return;
            }

            var bodySource = FindBodySource(declaration, method, context.CancellationToken);
            if (bodySource == null)
            {
                return; // abstract, extern, interface members: there is no body to move.
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixAsync(context.Document, declaration, bodySource, ct), equivalenceKey: Title),
                context.Diagnostics);
        }

        /// <summary>The declaration that holds the body: the method itself, or its user-written implementing part.</summary>
        private static MethodDeclarationSyntax? FindBodySource(MethodDeclarationSyntax declaration, IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (declaration.Body != null || declaration.ExpressionBody != null)
            {
                return declaration;
            }

            var implementation = method.PartialImplementationPart;
            return implementation?.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(m => m.Body != null || m.ExpressionBody != null);
        }

        private static async Task<Solution> FixAsync(Document document, MethodDeclarationSyntax declaration, MethodDeclarationSyntax bodySource, CancellationToken cancellationToken)
        {
            var solution = document.Project.Solution;
            var editor = new SolutionEditor(solution);
            var coreName = CoreMethodNaming.CoreNameFor(declaration.Identifier.ValueText);
            var core = FixSyntax.CoreMethod(bodySource, coreName, bodySource.Body, bodySource.ExpressionBody);
            var declarationEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);

            if (ReferenceEquals(bodySource, declaration))
            {
                // Insert first: the editor tracks the original node, which a replacement would take away.
                declarationEditor.InsertAfter(declaration, core);
                declarationEditor.ReplaceNode(declaration, BodylessPartial(declaration));
                FixSyntax.MakeContainingTypesPartial(declarationEditor, declaration);
            }
            else
            {
                // The attributes of the implementing part would be lost with it: move them to the declaration.
                // The declaration's leading trivia (indentation, doc comment) moves onto the first moved attribute,
                // and each attribute ends its line, so they stand above the declaration as the user wrote them.
                var moved = bodySource.AttributeLists
                    .Select(a => a.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))
                    .ToArray();
                var definition = declaration.AttributeLists.Count == 0
                    ? declaration.WithoutLeadingTrivia().AddAttributeLists(moved).WithLeadingTrivia(declaration.GetLeadingTrivia())
                    : declaration.AddAttributeLists(moved);
                definition = definition.WithAdditionalAnnotations(Formatter.Annotation);
                declarationEditor.InsertAfter(declaration, core);
                declarationEditor.ReplaceNode(declaration, definition);
                var implementationDocument = solution.GetDocument(bodySource.SyntaxTree);
                if (implementationDocument != null)
                {
                    var implementationEditor = await editor.GetDocumentEditorAsync(implementationDocument.Id, cancellationToken).ConfigureAwait(false);
                    implementationEditor.RemoveNode(bodySource);
                }
            }

            return editor.GetChangedSolution();
        }

        /// <summary><c>public partial Task GetAsync(...);</c>: no body, no async/extern, partial, and an accessibility modifier (required for non-void partials).</summary>
        private static MethodDeclarationSyntax BodylessPartial(MethodDeclarationSyntax declaration)
        {
            var trailing = (declaration.ExpressionBody != null ? declaration.SemicolonToken : declaration.Body!.CloseBraceToken).TrailingTrivia;
            var result = declaration
                .WithModifiers(SyntaxFactory.TokenList(declaration.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword) && !m.IsKind(SyntaxKind.ExternKeyword))))
                .WithBody(null)
                .WithExpressionBody(null)
                .WithParameterList(declaration.ParameterList.WithTrailingTrivia())
                .WithConstraintClauses(SyntaxFactory.List(declaration.ConstraintClauses.Select(c => c.WithTrailingTrivia())))
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(trailing));
            if (!result.Modifiers.Any(FixSyntax.IsAccessibility))
            {
                result = FixSyntax.WithFirstModifier(result, SyntaxKind.PrivateKeyword);
            }

            var returnTypeToken = result.ReturnType.GetFirstToken();
            var modifiers = FixSyntax.WithPartial(result.Modifiers, ref returnTypeToken);
            return result.WithReturnType(result.ReturnType.ReplaceToken(result.ReturnType.GetFirstToken(), returnTypeToken)).WithModifiers(modifiers)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
