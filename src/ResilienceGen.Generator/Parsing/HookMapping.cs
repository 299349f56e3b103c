using Microsoft.CodeAnalysis;
using ResilienceGen.Generator.Model;
using ResilienceGen.Validation;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Maps the declaration's OnRetry / RetryAfter / Fallback onto the hook models. Validity is the shared rules'
    /// (RG0013-RG0015, checked before this runs) and the methods are the ones the declaration resolved, so the generator
    /// and the analyzer can never disagree on which method a name means.
    /// </summary>
    internal static class HookMapping
    {
        public static HooksModel? Hooks(ResilientDeclaration declaration, out string? problemId)
        {
            problemId = null;
            HookDeclaration? onRetry = declaration.Retry?.OnRetry;
            HookDeclaration? retryAfter = declaration.Retry?.RetryAfter;
            HookDeclaration? fallback = declaration.Fallback;
            if (onRetry is null && retryAfter is null && fallback is null)
            {
                return HooksModel.None;
            }

            // The rules reported no error, so every named hook resolved; should that ever not hold, a call to a method
            // that is not there must not be emitted: the stub names the hook's diagnostic instead.
            if (onRetry is not null && onRetry.Method is null)
            {
                problemId = DiagnosticIds.OnRetryNotFound;
                return null;
            }

            if (retryAfter is not null && retryAfter.Method is null)
            {
                problemId = DiagnosticIds.RetryAfterNotFound;
                return null;
            }

            if (fallback is not null && fallback.Method is null)
            {
                problemId = DiagnosticIds.FallbackNotFound;
                return null;
            }

            return new HooksModel(ToModel(onRetry?.Method), ToModel(retryAfter?.Method), ToModel(fallback?.Method));
        }

        // Static hooks are called on the type, instance hooks on the state's instance; a generic one (only a Fallback, with
        // the wrapper's arity) gets the wrapper's own type parameters.
        private static HookModel? ToModel(IMethodSymbol? hook)
            => hook is null ? null : new HookModel(SymbolText.Identifier(hook.Name), hook.IsStatic, hook.Arity > 0);
    }
}
