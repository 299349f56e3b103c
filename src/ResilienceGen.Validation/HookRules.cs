using System;
using System.Collections.Generic;
using System.Threading;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// RG0013 (OnRetry), RG0014 (Fallback) and RG0015 (RetryAfter): each names a usable method of the type, and
    /// [WithRetry] and [CircuitBreaker] never name two different fallbacks. The methods themselves are resolved on the
    /// declaration (<see cref="HookDeclaration"/>), where the generator reads them too.
    /// </summary>
    internal static class HookRules
    {
        public const string OnRetryProperty = "OnRetry";
        public const string RetryAfterProperty = "RetryAfter";
        public const string FallbackProperty = "Fallback";

        public static void Check(ResilientDeclaration declaration, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var nameLocation = declaration.NameLocation;
            CheckHook(declaration.Retry?.OnRetry, DiagnosticIds.OnRetryNotFound, declaration, nameLocation, problems, cancellationToken);
            CheckHook(declaration.Retry?.RetryAfter, DiagnosticIds.RetryAfterNotFound, declaration, nameLocation, problems, cancellationToken);
            CheckFallback(declaration, nameLocation, problems, cancellationToken);
        }

        private static void CheckHook(HookDeclaration? hook, string id, ResilientDeclaration declaration, Microsoft.CodeAnalysis.Location nameLocation,
            List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            if (hook?.Result.WhyNot is string whyNot)
            {
                var location = AttributeArguments.LocationOf(hook.Attribute, hook.Property, nameLocation, cancellationToken);
                problems.Add(DeclarationProblem.Error(id, location, hook.Name, whyNot, declaration.Method.ContainingType.Name));
            }
        }

        private static void CheckFallback(ResilientDeclaration declaration, Microsoft.CodeAnalysis.Location nameLocation, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var retry = declaration.Retry;
            var breaker = declaration.Breaker;
            var retryName = retry?.FallbackName;
            var breakerName = breaker?.FallbackName;
            if (retry != null && breaker != null && retryName != null && breakerName != null && !string.Equals(retryName, breakerName, StringComparison.Ordinal))
            {
                // One call ends with one fallback: two names would leave the generated code to pick one silently.
                var location = AttributeArguments.LocationOf(breaker.Attribute, FallbackProperty, nameLocation, cancellationToken);
                problems.Add(DeclarationProblem.Error(DiagnosticIds.FallbackNotFound, location, breakerName, AttributeArguments.ShortName(breaker.Attribute),
                    "[" + AttributeArguments.ShortName(retry.Attribute) + "] names \"" + retryName + "\" and a method has one fallback",
                    "name the same method on both attributes, or set Fallback on one of them"));
                return;
            }

            var fallback = declaration.Fallback;
            if (fallback?.Result.WhyNot is string whyNot)
            {
                var method = declaration.Method;
                var location = AttributeArguments.LocationOf(fallback.Attribute, FallbackProperty, nameLocation, cancellationToken);
                problems.Add(DeclarationProblem.Error(DiagnosticIds.FallbackNotFound, location, fallback.Name, AttributeArguments.ShortName(fallback.Attribute), whyNot,
                    "declare '" + HookShapes.FallbackSignature(method, fallback.Name) + "' in '" + method.ContainingType.Name + "' or fix the name"));
            }
        }
    }
}
