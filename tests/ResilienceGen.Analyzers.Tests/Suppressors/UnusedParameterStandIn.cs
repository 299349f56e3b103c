using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ResilienceGen.Analyzers.Tests.Suppressors;

/// <summary>
/// Stands in for the IDE's IDE0060 ("Remove unused parameter"), whose analyzer lives in the IDE's code-style layer:
/// reports every parameter of a method with a body that the body never names, under the same id.
/// </summary>
// A test double handed to the test harness, never loaded by a compiler: the rules for shipped analyzers do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UnusedParameterStandIn : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "IDE0060", "Remove unused parameter", "Remove unused parameter '{0}'", "Style", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.MethodDeclaration);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var method = (MethodDeclarationSyntax)context.Node;
        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return;
        }

        var used = body.DescendantNodes().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        foreach (ParameterSyntax parameter in method.ParameterList.Parameters)
        {
            if (!used.Contains(parameter.Identifier.ValueText))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, parameter.Identifier.GetLocation(), parameter.Identifier.ValueText));
            }
        }
    }
}
#pragma warning restore RS1036, RS1038, RS1041, RS2008
