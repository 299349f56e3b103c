using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using ResilienceGen.Validation;

namespace ResilienceGen.CodeFixes
{
    /// <summary>
    /// CS0751 (a partial method in a type that is not partial) on a [WithRetry] / [CircuitBreaker] method: makes every
    /// containing type partial, so the generator can add the implementing part. The compiler's error is the only one
    /// there (RG0001 stays silent), so the fix hangs on it; it is offered only for our attributed methods.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeContainingTypesPartialCodeFix)), Shared]
    public sealed class MakeContainingTypesPartialCodeFix : CodeFixProvider
    {
        /// <summary>"A partial member must be declared within a partial type".</summary>
        public const string PartialMemberInNonPartialType = "CS0751";

        private const string Title = "Make the containing types partial";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(PartialMemberInNonPartialType);

        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            if (!(await FixSyntax.DeclaredMethodAtAsync(context).ConfigureAwait(false) is var (declaration, method)))
            {
                return;
            }

            if (TypeFacts.IsExtensionBlock(method.ContainingType))
            {
                return; // extension(...) members cannot be partial at all: making the block partial would not help.
            }

            var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
            if (compilation == null || DeclarationReader.Read(method, KnownTypes.For(compilation)) == null)
            {
                return; // Not ours: another partial method in a type that is not partial.
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixAsync(context.Document, declaration, ct), equivalenceKey: Title),
                context.Diagnostics);
        }

        private static async Task<Document> FixAsync(Document document, MethodDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            FixSyntax.MakeContainingTypesPartial(editor, declaration);
            return editor.GetChangedDocument();
        }
    }
}
