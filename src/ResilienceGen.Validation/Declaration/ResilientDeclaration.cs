using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// One [WithRetry] / [CircuitBreaker] method as its attributes declare it, read once by <see cref="DeclarationReader"/>:
    /// the rules check it (<see cref="DeclarationValidator"/>), the analyzer reports what they find, and the generator
    /// maps it to its equatable model. Holds symbols: never cache it across compilations.
    /// </summary>
    internal sealed class ResilientDeclaration
    {
        public ResilientDeclaration(IMethodSymbol attributed, IMethodSymbol method, KnownTypes types, RetryDeclaration? retry, BreakerDeclaration? breaker, TimeoutDeclaration? timeout = null)
        {
            Timeout = timeout;
            Attributed = attributed;
            Method = method;
            Types = types;
            Retry = retry;
            Breaker = breaker;

            // One call ends with one fallback; when both attributes name one, [WithRetry]'s is looked up (HookRules
            // reports two different names).
            var fallbackAttribute = retry?.FallbackName != null ? retry.Attribute : breaker?.FallbackName != null ? breaker.Attribute : null;
            var fallbackName = retry?.FallbackName ?? breaker?.FallbackName;
            if (fallbackAttribute != null && fallbackName != null)
            {
                Fallback = new HookDeclaration(fallbackAttribute, HookRules.FallbackProperty, fallbackName,
                    () => HookLookup.Find(method, fallbackName, types, c => HookShapes.FallbackDifference(method, c, types), HookShapes.FallbackSignature(method, fallbackName)));
            }
        }

        /// <summary>The symbol the caller asked about (a partial method's implementation part, or the definition).</summary>
        public IMethodSymbol Attributed { get; }

        /// <summary>The declaration that carries the attributes: a partial method's definition part.</summary>
        public IMethodSymbol Method { get; }

        public KnownTypes Types { get; }

        /// <summary><c>Namespace.Type.Method</c>: the method's name at run time (overloads share it).</summary>
        public string MethodName => MethodNames.Qualified(Method);

        public RetryDeclaration? Retry { get; }

        public BreakerDeclaration? Breaker { get; }

        /// <summary>[WithTimeout], or null.</summary>
        public TimeoutDeclaration? Timeout { get; }

        /// <summary>The Fallback either attribute names, or null.</summary>
        public HookDeclaration? Fallback { get; }

        /// <summary>Where a diagnostic about the method as a whole goes: its name.</summary>
        public Location NameLocation => SyntaxLookup.NameLocation(Method);
    }
}
