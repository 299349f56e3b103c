using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>RG0002 (return type), RG0005 (parameters), RG0006 (struct instance method), RG0011 (no CancellationToken).</summary>
    internal static class SignatureRules
    {
        /// <param name="retries">True with [WithRetry]: RG0011 then says the retries and delays cannot be cancelled.</param>
        public static void Check(IMethodSymbol method, bool retries, KnownTypes types, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var nameLocation = SyntaxLookup.NameLocation(method);

            if (!TypeFacts.IsOneOf(method.ReturnType, types.Task, types.TaskOfT, types.ValueTask, types.ValueTaskOfT))
            {
                var declaration = SyntaxLookup.Declaration(method, cancellationToken);
                var location = declaration?.ReturnType.GetLocation() ?? nameLocation;
                problems.Add(DeclarationProblem.Error(DiagnosticIds.UnsupportedReturnType, location, method.Name, TypeFacts.Display(method.ReturnType)));
            }

            if (method.IsVararg)
            {
                problems.Add(DeclarationProblem.Error(DiagnosticIds.UnsupportedParameter, nameLocation, "__arglist", method.Name, "a variable argument list"));
            }

            foreach (var parameter in method.Parameters)
            {
                var why = WhyUnsupported(parameter);
                if (why != null)
                {
                    problems.Add(DeclarationProblem.Error(DiagnosticIds.UnsupportedParameter, SyntaxLookup.NameLocation(parameter), parameter.Name, method.Name, why));
                }
            }

            if (!method.IsStatic && method.ContainingType.IsValueType)
            {
                problems.Add(DeclarationProblem.Error(DiagnosticIds.StructInstanceMethod, nameLocation, method.Name, method.ContainingType.Name));
            }

            // Not where the parameters are fixed by a base method or an interface: the user cannot add one there.
            if (!HasCancellationToken(method, types) && !SignatureContracts.IsFixedByContract(method))
            {
                problems.Add(DeclarationProblem.NotError(DiagnosticIds.NoCancellationToken, nameLocation, method.Name, retries ? RetriesNotCancellable : BreakerCountsCancellations));
            }
        }

        /// <summary>RG0011's reason for a method with [WithRetry].</summary>
        public const string RetriesNotCancellable = "its retries and delays cannot be cancelled";

        /// <summary>
        /// RG0011's reason for a breaker-only method: it has no delays, but without the caller's token the runtime cannot
        /// tell a cancellation from a failure (an OperationCanceledException counts toward opening the breaker).
        /// </summary>
        public const string BreakerCountsCancellations = "callers cannot cancel it and its breaker cannot tell a cancellation from a failure";

        public static bool HasCancellationToken(IMethodSymbol method, KnownTypes types)
        {
            foreach (var parameter in method.Parameters)
            {
                if (types.CancellationToken != null && SymbolEqualityComparer.Default.Equals(parameter.Type, types.CancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Why the generated wrapper cannot carry this parameter into a value tuple and a lambda, or null.</summary>
        private static string? WhyUnsupported(IParameterSymbol parameter)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return "passed by '" + TypeFacts.RefKindText(parameter.RefKind) + "'";
            }

            var type = parameter.Type;
            if (type.IsRefLikeType)
            {
                return "of ref struct type '" + TypeFacts.Display(type) + "'";
            }

            if (type is IPointerTypeSymbol || type is IFunctionPointerTypeSymbol)
            {
                return "of pointer type '" + TypeFacts.Display(type) + "'";
            }

            if (type is ITypeParameterSymbol typeParameter && typeParameter.AllowsRefLikeType)
            {
                return "of type parameter '" + typeParameter.Name + "' that allows ref structs";
            }

            return null;
        }
    }
}
