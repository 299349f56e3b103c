using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>
    /// Reports RG0001–RG0012 for [WithRetry]/[CircuitBreaker] methods as the user types.
    /// Per-method rules come from the shared validator, so the generator and the IDE agree on validity;
    /// RG0010 (one breaker name, different settings) is decided once the whole compilation is seen.
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
                var types = KnownTypes.From(start.Compilation);
                if (!types.HasAttributes)
                {
                    return;
                }

                var breakers = new BreakerDeclarations();
                start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, types, breakers), SymbolKind.Method);
                start.RegisterCompilationEndAction(breakers.ReportConflicts);
            });
        }

        private static void AnalyzeMethod(SymbolAnalysisContext context, KnownTypes types, BreakerDeclarations breakers)
        {
            var method = (IMethodSymbol)context.Symbol;

            // The definition part speaks for a partial method (attributes of both parts are merged there).
            if (method.PartialDefinitionPart != null)
            {
                return;
            }

            var problems = DeclarationValidator.Validate(method, types, context.CancellationToken);
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
                breakers.Add(method, types, context.CancellationToken);
            }
        }
    }
}
