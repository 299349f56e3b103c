using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ResilienceGen.Validation;

namespace ResilienceGen.CodeFixes
{
    /// <summary>RG0003: adds the missing Core method after the declaration, private, with its exact signature and a throwing body.</summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddCoreMethodStubCodeFix)), Shared]
    public sealed class AddCoreMethodStubCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.CoreMethodMissing);

        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var declaration = root == null ? null : FixSyntax.MethodAt(root, context.Span);
            if (root == null || declaration == null)
            {
                return;
            }

            var coreName = CoreMethodNaming.CoreNameFor(declaration.Identifier.ValueText);
            var title = "Add the implementation method '" + coreName + "'";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AddStubAsync(context.Document, root, declaration, coreName, ct), equivalenceKey: nameof(AddCoreMethodStubCodeFix)),
                context.Diagnostics);
        }

        private static Task<Document> AddStubAsync(Document document, SyntaxNode root, MethodDeclarationSyntax declaration, string coreName, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stub = FixSyntax.CoreMethod(declaration, coreName, FixSyntax.NotImplementedBody(), expressionBody: null);
            return Task.FromResult(document.WithSyntaxRoot(root.InsertNodesAfter(declaration, new SyntaxNode[] { stub })));
        }
    }
}
