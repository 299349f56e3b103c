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
using Microsoft.CodeAnalysis.Simplification;
using ResilienceGen.Validation;

namespace ResilienceGen.CodeFixes
{
    /// <summary>
    /// RG0011 and RG0016 ([WithTimeout] needs the token): adds <c>CancellationToken cancellationToken = default</c> to the declaration and to its Core method,
    /// so the two keep matching (before a trailing <c>params</c> parameter, which must stay last).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCancellationTokenCodeFix)), Shared]
    public sealed class AddCancellationTokenCodeFix : CodeFixProvider
    {
        private const string Title = "Add a CancellationToken parameter";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NoCancellationToken, DiagnosticIds.TimeoutWithoutCancellationToken);

        public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            if (!(await FixSyntax.DeclaredMethodAtAsync(context).ConfigureAwait(false) is var (declaration, method)))
            {
                return;
            }

            if (SignatureContracts.IsFixedByContract(method))
            {
                return; // An override or interface implementation keeps its parameters (RG0011 is not raised there either).
            }

            var core = CoreMethodRules.FindMatch(method)?.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(context.CancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => AddParameterAsync(context.Document, declaration, core, ct), equivalenceKey: Title),
                context.Diagnostics);
        }

        private static async Task<Solution> AddParameterAsync(Document document, MethodDeclarationSyntax declaration, MethodDeclarationSyntax? core, CancellationToken cancellationToken)
        {
            var solution = document.Project.Solution;
            var editor = new SolutionEditor(solution);
            var name = UniqueName(declaration, core);

            var declarationEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
            declarationEditor.ReplaceNode(declaration, (current, _) => WithToken((MethodDeclarationSyntax)current, name));

            var coreDocument = core == null ? null : solution.GetDocument(core.SyntaxTree);
            if (core != null && coreDocument != null)
            {
                var coreEditor = await editor.GetDocumentEditorAsync(coreDocument.Id, cancellationToken).ConfigureAwait(false);
                coreEditor.ReplaceNode(core, (current, _) => WithToken((MethodDeclarationSyntax)current, name));
            }

            return editor.GetChangedSolution();
        }

        /// <summary>"cancellationToken", unless a parameter of either method already has that name.</summary>
        private static string UniqueName(MethodDeclarationSyntax declaration, MethodDeclarationSyntax? core)
        {
            var taken = declaration.ParameterList.Parameters.Concat(core?.ParameterList.Parameters ?? default(SeparatedSyntaxList<ParameterSyntax>))
                .Select(p => p.Identifier.ValueText).ToImmutableHashSet();
            var name = "cancellationToken";
            for (var i = 2; taken.Contains(name); i++)
            {
                name = "cancellationToken" + i;
            }

            return name;
        }

        private static MethodDeclarationSyntax WithToken(MethodDeclarationSyntax method, string name)
        {
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
                .WithType(SyntaxFactory.ParseTypeName("global::System.Threading.CancellationToken").WithAdditionalAnnotations(Simplifier.Annotation)
                    .WithTrailingTrivia(SyntaxFactory.Space))
                .WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword)))
                    .WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));

            var parameters = method.ParameterList.Parameters;
            var last = parameters.LastOrDefault();
            var index = last != null && last.Modifiers.Any(SyntaxKind.ParamsKeyword) ? parameters.Count - 1 : parameters.Count;
            return method.WithParameterList(method.ParameterList.WithParameters(parameters.Insert(index, parameter)).WithAdditionalAnnotations(Formatter.Annotation));
        }
    }
}
