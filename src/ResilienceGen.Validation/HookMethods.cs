using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// The methods the OnRetry / RetryAfter / Fallback hooks of one resilient method resolve to, for the generator.
    /// Each is the method's original definition (not constructed), or null when the hook is not set or names no usable
    /// method. Only meaningful when <see cref="DeclarationValidator.Validate(IMethodSymbol, Compilation, System.Threading.CancellationToken)"/>
    /// reported no error: then every hook that is set resolved here.
    /// </summary>
    internal sealed class HookMethods
    {
        public static readonly HookMethods None = new HookMethods(null, null, null);

        public HookMethods(IMethodSymbol? onRetry, IMethodSymbol? retryAfter, IMethodSymbol? fallback)
        {
            OnRetry = onRetry;
            RetryAfter = retryAfter;
            Fallback = fallback;
        }

        /// <summary><c>void M(int attempt, TimeSpan delay, Exception exception)</c>; never generic.</summary>
        public IMethodSymbol? OnRetry { get; }

        /// <summary><c>TimeSpan? M(Exception exception)</c>; never generic.</summary>
        public IMethodSymbol? RetryAfter { get; }

        /// <summary>
        /// The wrapper's parameters plus a trailing <c>Exception</c>, same return type. Generic only when the wrapper is,
        /// with the same number of type parameters: call it as <c>M&lt;T1, ...&gt;(...)</c> with the wrapper's own type
        /// parameters, in order. Shared by [WithRetry] and [CircuitBreaker] (both may name it; they never name two).
        /// </summary>
        public IMethodSymbol? Fallback { get; }

        /// <summary>True when the generated code must call <paramref name="hook"/> on the type rather than on the instance.</summary>
        public static bool IsStatic(IMethodSymbol? hook) => hook != null && hook.IsStatic;

        /// <summary>True when the generated call must pass the wrapper's type parameters: <c>M&lt;T...&gt;(...)</c>.</summary>
        public static bool IsGeneric(IMethodSymbol? hook) => hook != null && hook.Arity > 0;
    }
}
