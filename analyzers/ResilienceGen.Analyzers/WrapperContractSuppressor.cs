using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>
    /// Editor advice that would break a conversion: CA1822 ("can be marked as static") and IDE0060 ("remove unused
    /// parameter") on a Core method, whose signature the generated wrapper relies on (following either gives RG0004),
    /// and IDE0060 on a hook method (OnRetry, RetryAfter, Fallback, ShouldHandle), whose parameters are fixed by the
    /// shape the wrapper calls. CA1822 on a hook stays: a hook may be static.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WrapperContractSuppressor : DiagnosticSuppressor
    {
        public const string MarkMembersAsStatic = "CA1822";
        public const string RemoveUnusedParameter = "IDE0060";

        internal static readonly SuppressionDescriptor CoreMethodStatic = new SuppressionDescriptor(
            "RGS001", MarkMembersAsStatic,
            "The generated wrapper of a [WithRetry]/[CircuitBreaker] method calls this Core method as the declaration is: static only if the declaration is (RG0004)");

        internal static readonly SuppressionDescriptor CoreMethodParameter = new SuppressionDescriptor(
            "RGS002", RemoveUnusedParameter,
            "The generated wrapper of a [WithRetry]/[CircuitBreaker] method passes every parameter of the declaration to this Core method (RG0004)");

        internal static readonly SuppressionDescriptor HookParameter = new SuppressionDescriptor(
            "RGS003", RemoveUnusedParameter,
            "The generated wrapper of a [WithRetry]/[CircuitBreaker] method calls this hook with a fixed set of parameters (RG0009, RG0013-RG0015)");

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } =
            ImmutableArray.Create(CoreMethodStatic, CoreMethodParameter, HookParameter);

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            var types = KnownTypes.For(context.Compilation);
            if (!types.HasAttributes)
            {
                return;
            }

            foreach (var diagnostic in context.ReportedDiagnostics)
            {
                var method = MethodAt(context, diagnostic.Location, context.CancellationToken);
                if (method == null)
                {
                    continue;
                }

                var role = WrapperRoles.Of(method, types);
                var suppression = diagnostic.Id == MarkMembersAsStatic
                    ? (role == WrapperRole.Core ? CoreMethodStatic : null)
                    : role == WrapperRole.Core ? CoreMethodParameter : role == WrapperRole.Hook ? HookParameter : null;
                if (suppression != null)
                {
                    context.ReportSuppression(Suppression.Create(suppression, diagnostic));
                }
            }
        }

        /// <summary>The method the diagnostic is on: CA1822 marks its name, IDE0060 one of its parameters.</summary>
        private static IMethodSymbol? MethodAt(SuppressionAnalysisContext context, Location location, CancellationToken cancellationToken)
        {
            var tree = location.SourceTree;
            if (tree == null || !context.Compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            var node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            var declaration = node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
            return declaration == null
                ? null
                : context.GetSemanticModel(tree).GetDeclaredSymbol(declaration, cancellationToken) as IMethodSymbol;
        }
    }
}
