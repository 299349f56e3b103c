using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>Whether a method's signature is fixed by something outside it: a base method or an interface member.</summary>
    internal static class SignatureContracts
    {
        /// <summary>True for overrides and explicit or implicit interface implementations: their parameters cannot change.</summary>
        public static bool IsFixedByContract(IMethodSymbol method)
            => method.IsOverride || method.ExplicitInterfaceImplementations.Length > 0 || ImplementsInterfaceMember(method);

        /// <summary>True when the method is the containing type's implementation of some interface member.</summary>
        public static bool ImplementsInterfaceMember(IMethodSymbol method)
        {
            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
