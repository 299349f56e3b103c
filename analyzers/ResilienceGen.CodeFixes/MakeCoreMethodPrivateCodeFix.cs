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
using ResilienceGen.Validation;

namespace ResilienceGen.CodeFixes
{
    /// <summary>RG0012: replaces the Core method's accessibility modifiers with <c>private</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeCoreMethodPrivateCodeFix)), Shared]
    public sealed class MakeCoreMethodPrivateCodeFix : CodeFixProvider
    {
        private const string Title = "Make the implementation method private";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.CoreMethodNotPrivate);

        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var core = root == null ? null : FixSyntax.MethodAt(root, context.Span);
            if (root == null || core == null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => MakePrivateAsync(context.Document, root, core, ct), equivalenceKey: Title),
                context.Diagnostics);
        }

        private static Task<Document> MakePrivateAsync(Document document, SyntaxNode root, MethodDeclarationSyntax core, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var accessibility = core.Modifiers.Where(FixSyntax.IsAccessibility).ToList();
            MethodDeclarationSyntax updated;
            if (accessibility.Count == 0)
            {
                updated = FixSyntax.WithFirstModifier(core, SyntaxKind.PrivateKeyword);
            }
            else
            {
                // Keep the first accessibility token's place and trivia; drop the others ("protected internal").
                var first = accessibility[0];
                var modifiers = core.Modifiers.Replace(first, SyntaxFactory.Token(first.LeadingTrivia, SyntaxKind.PrivateKeyword, first.TrailingTrivia));
                foreach (var extra in accessibility.Skip(1))
                {
                    modifiers = modifiers.Remove(modifiers.First(m => m.IsKind(extra.Kind()) && !m.IsKind(SyntaxKind.PrivateKeyword)));
                }

                updated = core.WithModifiers(modifiers);
            }

            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(core, updated)));
        }
    }
}
