using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ResilienceGen.Generator.Model;
using ResilienceGen.Validation;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// The transform of both ForAttributeWithMetadataName steps: one attributed method in, one model out
    /// (or null when nothing must be emitted for it). Never throws.
    /// </summary>
    internal static class MethodParser
    {
        /// <summary>Which attribute's pipeline is asking; a method carrying several is modelled once: by the retry pipeline, else the breaker's.</summary>
        public enum Pipeline
        {
            Retry,
            Breaker,
            Timeout,
        }

        private static int s_guardedFailures;

        /// <summary>
        /// How many times the last-resort guard below had to skip a method since the process started. Always 0
        /// unless there is a bug; the fuzz tests assert it, so the guard cannot hide one.
        /// </summary>
        public static int GuardedFailures => Volatile.Read(ref s_guardedFailures);

        public static MethodModel? Parse(GeneratorAttributeSyntaxContext context, Pipeline pipeline, CancellationToken cancellationToken)
        {
            try
            {
                return ParseUnguarded(context, pipeline, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Interlocked.Increment(ref s_guardedFailures);

                // Last resort: a bug here (or in the shared validator) must cost this one method its output, not fail
                // the user's build with CS8785. Known shapes are handled above without relying on this.
                return null;
            }
        }

        private static MethodModel? ParseUnguarded(GeneratorAttributeSyntaxContext context, Pipeline pipeline, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method
                || context.TargetNode is not MethodDeclarationSyntax syntax
                || method.ContainingType is not { } containingType)
            {
                return null;
            }

            Compilation compilation = context.SemanticModel.Compilation;
            KnownTypes types = KnownTypes.For(compilation);
            if (IsModelledByAnotherPipeline(method, pipeline, types))
            {
                return null;
            }

            ResilientDeclaration? declaration = DeclarationReader.Read(method, types);
            if (declaration is null
                || (pipeline == Pipeline.Breaker && declaration.Retry is not null)
                || (pipeline == Pipeline.Timeout && (declaration.Retry is not null || declaration.Breaker is not null)))
            {
                return null;
            }

            // Only a body-less partial definition without a user-written implementation can take ours;
            // for anything else another part would clash, so the analyzer's error stands alone.
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
                || syntax.Body is not null
                || syntax.ExpressionBody is not null
                || method.PartialImplementationPart is not null
                || method.IsVararg
                || syntax.ExplicitInterfaceSpecifier is not null)
            {
                return null;
            }

            TypeHierarchy? hierarchy = TypeHierarchyReader.Read(containingType, syntax);
            if (hierarchy is null)
            {
                return null;
            }

            string name = SymbolText.Identifier(method.Name);
            ReturnKind returnKind = SignatureReader.ReadReturnKind(method);
            string coreName = CoreMethodNaming.CoreNameFor(method.Name);

            // A mistake the compiler reports itself (CS8796 missing accessibility, CS0246 an unknown type in the signature)
            // gets nothing: a stub repeats the signature and with it the compiler's error. Every other error gets the stub,
            // which spares the user CS8795 (no implementation), a second error about a mistake that is not theirs.
            ImmutableArray<DeclarationProblem> problems = DeclarationValidator.Validate(declaration, cancellationToken);
            if (!problems.IsDefaultOrEmpty && problems.Any(p => p.IsError && p.IsReportedByCompiler))
            {
                return null;
            }

            // The shared rules decide every RGxxxx error (return kind, capturable parameters, struct instances, the Core
            // method, filters, hooks); what follows maps the declaration onto what the emitted code needs.
            string? problemId = FirstError(problems);
            TypeTexts typeTexts = TypeTexts.For(compilation);

            RetryModel? retry = null;
            BreakerModel? breaker = null;
            if (problemId is null && declaration.Retry is { } declaredRetry)
            {
                retry = PolicyMapping.Retry(declaredRetry, typeTexts, out problemId);
            }

            if (problemId is null && declaration.Breaker is { } declaredBreaker)
            {
                breaker = PolicyMapping.Breaker(declaredBreaker, typeTexts, out problemId);
            }

            TimeoutModel? timeout = null;
            if (problemId is null && declaration.Timeout is { } declaredTimeout)
            {
                timeout = PolicyMapping.Timeout(declaredTimeout);
            }

            HooksModel? hooks = null;
            if (problemId is null)
            {
                hooks = HookMapping.Hooks(declaration, out problemId);
            }

            bool valid = problemId is null;
            return new MethodModel(
                Type: hierarchy,
                Name: name,
                DisplayName: declaration.MethodName,
                Modifiers: string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
                ReturnType: SignatureReader.ReadReturnType(method),
                ReturnKind: returnKind,
                IsStatic: method.IsStatic,
                TypeParameters: SignatureReader.ReadTypeParameters(method),
                ConstraintClauses: SignatureReader.ReadConstraintClauses(method, syntax),
                Parameters: SignatureReader.ReadParameters(method, typeTexts),
                StubDiagnosticId: problemId,
                CoreName: SymbolText.Identifier(coreName),
                LoggerExpression: valid ? LoggerFinder.Find(method, compilation, cancellationToken) : null,
                CancellationTokenParameter: valid ? SignatureReader.FindCancellationTokenParameter(method) : null,
                Retry: valid ? retry : null,
                Breaker: valid ? breaker : null,
                Hooks: valid ? hooks ?? HooksModel.None : HooksModel.None)
            {
                Timeout = valid ? timeout : null,
            };
        }

        /// <summary>
        /// The check below on the declaration (a method with [WithRetry] is the retry pipeline's; one with
        /// [CircuitBreaker] and no [WithRetry] the breaker's), made from the attribute classes alone: a method with two
        /// or three attributes reaches two or three pipelines, and reading its whole declaration in each only to drop
        /// it was most of the cost of such methods.
        /// </summary>
        private static bool IsModelledByAnotherPipeline(IMethodSymbol method, Pipeline pipeline, KnownTypes types)
        {
            if (pipeline == Pipeline.Retry)
            {
                return false;
            }

            // As DeclarationReader reads them: the attributes of both parts of a partial method live on the definition.
            foreach (AttributeData attribute in (method.PartialDefinitionPart ?? method).GetAttributes())
            {
                if (types.IsWithRetry(attribute) || (pipeline == Pipeline.Timeout && types.IsCircuitBreaker(attribute)))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? FirstError(ImmutableArray<DeclarationProblem> problems)
        {
            if (problems.IsDefaultOrEmpty)
            {
                return null;
            }

            DeclarationProblem? error = problems.FirstOrDefault(p => p.IsError);
            return error?.Id;
        }
    }
}
