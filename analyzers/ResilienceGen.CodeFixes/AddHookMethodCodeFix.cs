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
using Microsoft.CodeAnalysis.Formatting;
using ResilienceGen.Validation;

namespace ResilienceGen.CodeFixes
{
    /// <summary>
    /// RG0013 / RG0015 when the type has no member of the named name: adds the hook, private, static when the resilient
    /// method is, with a body that changes nothing (OnRetry does nothing; RetryAfter returns null, keeping the backoff),
    /// so the fix compiles and behaves like no hook until the user fills it in. Fallback (RG0014) gets no such fix:
    /// there is no neutral fallback value.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddHookMethodCodeFix)), Shared]
    public sealed class AddHookMethodCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.OnRetryNotFound, DiagnosticIds.RetryAfterNotFound);

        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var argument = root?.FindNode(context.Span).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
            var declaration = argument?.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            if (root == null || model == null || argument == null || declaration == null
                || !(model.GetConstantValue(argument.Expression, context.CancellationToken).Value is string name)
                || !SyntaxFacts.IsValidIdentifier(name)
                || !(model.GetDeclaredSymbol(declaration, context.CancellationToken) is IMethodSymbol method)
                || method.ContainingType.GetMembers(name).Any())
            {
                // Only the "nothing of that name" case: a wrong signature is the user's to correct, not ours to duplicate.
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var isOnRetry = diagnostic.Id == DiagnosticIds.OnRetryNotFound;
                context.RegisterCodeFix(
                    CodeAction.Create("Add the " + (isOnRetry ? "OnRetry" : "RetryAfter") + " method '" + name + "'",
                        ct => AddAsync(context.Document, root, declaration, Hook(name, isOnRetry, method.IsStatic), ct),
                        equivalenceKey: nameof(AddHookMethodCodeFix) + diagnostic.Id),
                    diagnostic);
            }
        }

        private static MemberDeclarationSyntax Hook(string name, bool isOnRetry, bool isStatic)
        {
            var modifiers = isStatic ? "private static " : "private ";
            var text = isOnRetry
                ? modifiers + "void " + name + "(int attempt, System.TimeSpan delay, System.Exception exception) { }"
                : modifiers + "System.TimeSpan? " + name + "(System.Exception exception) => null;";
            // Elastic trivia on both sides: the formatter then puts the hook on lines of its own, also after an
            // expression-bodied hook, whose semicolon would otherwise run into the next member.
            return SyntaxFactory.ParseMemberDeclaration(text)!
                .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
                .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static Task<Document> AddAsync(Document document, SyntaxNode root, MethodDeclarationSyntax declaration, MemberDeclarationSyntax hook, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(document.WithSyntaxRoot(root.InsertNodesAfter(declaration, new SyntaxNode[] { hook })));
        }
    }
}
