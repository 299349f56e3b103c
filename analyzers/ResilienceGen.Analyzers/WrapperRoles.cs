using Microsoft.CodeAnalysis;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>What a method is to the generated wrappers of its type.</summary>
    internal enum WrapperRole
    {
        None,

        /// <summary>The body of a resilient method (<c>GetCoreAsync</c> for <c>GetAsync</c>).</summary>
        Core,

        /// <summary>A method a resilient method names as OnRetry, RetryAfter, Fallback or ShouldHandle.</summary>
        Hook,
    }

    internal static class WrapperRoles
    {
        /// <summary>The role <paramref name="method"/> plays for the resilient methods declared in its own type.</summary>
        public static WrapperRole Of(IMethodSymbol method, KnownTypes types)
        {
            var role = WrapperRole.None;
            foreach (var member in method.ContainingType.GetMembers())
            {
                if (!(member is IMethodSymbol candidate) || candidate.PartialDefinitionPart != null
                    || !(DeclarationReader.Read(candidate, types) is ResilientDeclaration declaration))
                {
                    continue;
                }

                if (method.Name == CoreMethodNaming.CoreNameFor(candidate.Name))
                {
                    return WrapperRole.Core;
                }

                if (Names(declaration, method.Name))
                {
                    role = WrapperRole.Hook;
                }
            }

            return role;
        }

        private static bool Names(ResilientDeclaration declaration, string name)
            => declaration.Retry?.OnRetry?.Name == name
               || declaration.Retry?.RetryAfter?.Name == name
               || declaration.Retry?.Filter.ShouldHandle?.Name == name
               || declaration.Breaker?.Filter.ShouldHandle?.Name == name
               || declaration.Fallback?.Name == name;
    }
}
