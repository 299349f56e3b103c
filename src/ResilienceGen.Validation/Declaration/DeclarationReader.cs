using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// The one reader of a method's [WithRetry] / [CircuitBreaker]: finds them (by the types <see cref="KnownTypes"/>
    /// resolved for the compilation), reads every argument with its default, and returns the declaration the rules,
    /// the analyzer and the generator share. Never throws, whatever the user typed.
    /// </summary>
    internal static class DeclarationReader
    {
        /// <summary>The declaration, or null when the method carries neither attribute (or the runtime is not referenced).</summary>
        public static ResilientDeclaration? Read(IMethodSymbol? method, KnownTypes types)
        {
            if (method == null || !types.HasAttributes)
            {
                return null;
            }

            // Attributes of both parts of a partial method are merged on the definition part.
            var definition = method.PartialDefinitionPart ?? method;
            AttributeData? retry = null;
            AttributeData? breaker = null;
            AttributeData? timeout = null;
            foreach (var attribute in definition.GetAttributes())
            {
                if (types.IsWithRetry(attribute))
                {
                    retry = retry ?? attribute;
                }
                else if (types.IsCircuitBreaker(attribute))
                {
                    breaker = breaker ?? attribute;
                }
                else if (types.IsWithTimeout(attribute))
                {
                    timeout = timeout ?? attribute;
                }
            }

            if (retry == null && breaker == null && timeout == null)
            {
                return null;
            }

            return new ResilientDeclaration(
                method,
                definition,
                types,
                retry == null ? null : RetryDeclaration.Read(retry, definition, types),
                breaker == null ? null : BreakerDeclaration.Read(breaker, definition, types),
                timeout == null ? null : TimeoutDeclaration.Read(timeout));
        }
    }
}
