using System.Linq;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Finds the body method (<c>XxxAsync</c> -> <c>XxxCoreAsync</c>, <c>Xxx</c> -> <c>XxxCore</c>) and checks the generated
    /// call to it would compile: same static-ness, type parameter count, parameter types and return type.
    /// </summary>
    internal static class CoreMethodFinder
    {
        public enum Result
        {
            Found,
            Missing,
            SignatureDiffers,
        }

        public static string CoreNameOf(string methodName)
            => methodName.EndsWith("Async", System.StringComparison.Ordinal) && methodName.Length > "Async".Length
                ? methodName.Substring(0, methodName.Length - "Async".Length) + "CoreAsync"
                : methodName + "Core";

        public static Result Find(IMethodSymbol method, string coreName)
        {
            var candidates = method.ContainingType.GetMembers(coreName).OfType<IMethodSymbol>()
                .Where(m => m.MethodKind == MethodKind.Ordinary && !SymbolEqualityComparer.Default.Equals(m, method))
                .ToList();
            if (candidates.Count == 0)
            {
                return Result.Missing;
            }

            return candidates.Any(c => Matches(method, c)) ? Result.Found : Result.SignatureDiffers;
        }

        private static bool Matches(IMethodSymbol method, IMethodSymbol core)
        {
            if (core.IsStatic != method.IsStatic
                || core.IsVararg
                || core.ReturnsByRef
                || core.ReturnsByRefReadonly
                || core.TypeParameters.Length != method.TypeParameters.Length
                || core.Parameters.Length != method.Parameters.Length)
            {
                return false;
            }

            // Put the core method in terms of the partial method's own type parameters, then compare exactly.
            IMethodSymbol constructed = core.TypeParameters.Length == 0
                ? core
                : core.Construct(method.TypeParameters.Cast<ITypeSymbol>().ToArray());

            if (!SymbolEqualityComparer.Default.Equals(constructed.ReturnType, method.ReturnType))
            {
                return false;
            }

            for (int i = 0; i < method.Parameters.Length; i++)
            {
                if (constructed.Parameters[i].RefKind != RefKind.None
                    || !SymbolEqualityComparer.Default.Equals(constructed.Parameters[i].Type, method.Parameters[i].Type))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
