using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>
    /// Reports RG0001–RG0016 and RG0018 for [WithRetry]/[CircuitBreaker]/[WithTimeout] methods as the user types.
    /// Per-method rules come from the shared validator, so the generator and the IDE agree on validity;
    /// RG0010 (one breaker name, different settings) and RG0019 (one budget name, different settings) are decided once
    /// the whole compilation is seen.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ResilientMethodAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = KnownTypes.For(start.Compilation);
                if (!types.HasAttributes)
                {
                    return;
                }

                var breakers = new BreakerDeclarations();
                var budgets = new BudgetDeclarations();
                // A semantic model action over the user's trees, not a symbol or syntax node action: the generated
                // implementation carries [GeneratedCode], attributes of partial parts merge, so the user's method
                // symbol counts as generated and symbol-scoped actions skip it under ConfigureGeneratedCodeAnalysis(None).
                // Generated trees are still skipped here.
                start.RegisterSemanticModelAction(modelContext => AnalyzeTree(modelContext, types, breakers, budgets));
                start.RegisterCompilationEndAction(breakers.ReportConflicts);
                start.RegisterCompilationEndAction(budgets.ReportConflicts);
            });
        }

        private static void AnalyzeTree(SemanticModelAnalysisContext context, KnownTypes types, BreakerDeclarations breakers, BudgetDeclarations budgets)
        {
            var root = context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken);
            foreach (var node in root.DescendantNodes(n => !(n is ExpressionSyntax)))
            {
                if (IsCandidate(node)
                    && context.SemanticModel.GetDeclaredSymbol(node, context.CancellationToken) is IMethodSymbol symbol
                    && symbol.PartialDefinitionPart == null)
                {
                    // The definition part speaks for a partial method (attributes of both parts are merged there).
                    AnalyzeMethod(context, symbol, types, breakers, budgets);
                }
            }
        }

        /// <summary>Cheap syntactic filter: only attributed or partial method declarations and attributed local functions can be ours.</summary>
        private static bool IsCandidate(SyntaxNode node)
        {
            switch (node)
            {
                case MethodDeclarationSyntax method:
                    return method.AttributeLists.Count > 0 || method.Modifiers.Any(SyntaxKind.PartialKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.AttributeLists.Count > 0;
                default:
                    return false;
            }
        }

        private static void AnalyzeMethod(SemanticModelAnalysisContext context, IMethodSymbol symbol, KnownTypes types, BreakerDeclarations breakers, BudgetDeclarations budgets)
        {
            var declaration = DeclarationReader.Read(symbol, types);
            if (declaration == null)
            {
                return;
            }

            var problems = DeclarationValidator.Validate(declaration, context.CancellationToken);
            foreach (var problem in problems)
            {
                var descriptor = problem.IsReportedByCompiler ? null : Descriptors.ById(problem.Id);
                if (descriptor != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.MessageArgs.Select(a => (object)a).ToArray()));
                }
            }

            if (!DeclarationValidator.HasErrors(problems))
            {
                breakers.Add(declaration, context.CancellationToken);
                budgets.Add(declaration, context.CancellationToken);
            }
        }
    }
}
