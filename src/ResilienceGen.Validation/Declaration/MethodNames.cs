using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// The name a resilient method goes by at run time (overrides, logs, metrics) and the default breaker name:
    /// <c>Namespace.Type.Method</c>, nested types joined by '.', no generic arity, no global::. Overloads share it.
    /// </summary>
    internal static class MethodNames
    {
        // Every method of a type shares the prefix; formatting the namespace once per type keeps the transform cheap.
        private static readonly ConditionalWeakTable<INamedTypeSymbol, string> s_prefixes = new ConditionalWeakTable<INamedTypeSymbol, string>();

        public static string Qualified(IMethodSymbol method)
            => method.ContainingType == null ? method.Name : s_prefixes.GetValue(method.ContainingType, Prefix) + method.Name;

        private static string Prefix(INamedTypeSymbol containingType)
        {
            var parts = new List<string>();
            for (var type = containingType; type != null; type = type.ContainingType)
            {
                parts.Add(type.Name);
            }

            var ns = containingType.ContainingNamespace;
            if (ns != null && !ns.IsGlobalNamespace)
            {
                parts.Add(ns.ToDisplayString());
            }

            parts.Reverse();
            return string.Join(".", parts) + ".";
        }
    }
}
