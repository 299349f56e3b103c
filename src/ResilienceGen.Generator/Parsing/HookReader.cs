using Microsoft.CodeAnalysis;
using ResilienceGen.Generator.Model;
using ResilienceGen.Validation;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Shapes the calls to the OnRetry / RetryAfter / Fallback hooks. Validity is the shared validator's (RG0013-RG0015,
    /// checked before this runs); the methods come from its own lookup (<see cref="HookRules.Resolve(IMethodSymbol, Compilation)"/>),
    /// so the generator and the analyzer can never disagree on which method a name means.
    /// </summary>
    internal static class HookReader
    {
        public static HooksModel? Read(
            AttributeValues? retryValues,
            AttributeValues? breakerValues,
            IMethodSymbol method,
            Compilation compilation,
            out string? problemId)
        {
            problemId = null;
            bool onRetryNamed = retryValues?.String(HookRules.OnRetryProperty) is not null;
            bool retryAfterNamed = retryValues?.String(HookRules.RetryAfterProperty) is not null;
            bool fallbackNamed = (retryValues?.String(HookRules.FallbackProperty) ?? breakerValues?.String(HookRules.FallbackProperty)) is not null;
            if (!onRetryNamed && !retryAfterNamed && !fallbackNamed)
            {
                return HooksModel.None;
            }

            HookMethods methods = HookRules.Resolve(method, compilation);

            // The validator reported no error, so every named hook resolved; should that ever not hold, a call to a
            // method that is not there must not be emitted: the stub names the hook's diagnostic instead.
            if (onRetryNamed && methods.OnRetry is null)
            {
                problemId = DiagnosticIds.OnRetryNotFound;
                return null;
            }

            if (retryAfterNamed && methods.RetryAfter is null)
            {
                problemId = DiagnosticIds.RetryAfterNotFound;
                return null;
            }

            if (fallbackNamed && methods.Fallback is null)
            {
                problemId = DiagnosticIds.FallbackNotFound;
                return null;
            }

            return new HooksModel(ToModel(methods.OnRetry), ToModel(methods.RetryAfter), ToModel(methods.Fallback));
        }

        private static HookModel? ToModel(IMethodSymbol? hook)
            => hook is null ? null : new HookModel(SymbolText.Identifier(hook.Name), HookMethods.IsStatic(hook), HookMethods.IsGeneric(hook));
    }
}
