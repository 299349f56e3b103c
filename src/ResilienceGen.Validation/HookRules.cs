using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// RG0013 (OnRetry), RG0014 (Fallback) and RG0015 (RetryAfter): each names a usable method of the type, and
    /// [WithRetry] and [CircuitBreaker] never name two different fallbacks. Also resolves the hooks for the generator.
    /// </summary>
    internal static class HookRules
    {
        public const string OnRetryProperty = "OnRetry";
        public const string RetryAfterProperty = "RetryAfter";
        public const string FallbackProperty = "Fallback";

        public static void Check(IMethodSymbol method, AttributeData? retry, AttributeData? breaker, KnownTypes types, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var nameLocation = SyntaxLookup.NameLocation(method);
            if (retry != null)
            {
                CheckSimpleHook(method, retry, OnRetryProperty, DiagnosticIds.OnRetryNotFound, HookShapes.OnRetryShape, c => HookShapes.OnRetryDifference(c, types), types, nameLocation, problems, cancellationToken);
                CheckSimpleHook(method, retry, RetryAfterProperty, DiagnosticIds.RetryAfterNotFound, HookShapes.RetryAfterShape, c => HookShapes.RetryAfterDifference(c, types), types, nameLocation, problems, cancellationToken);
            }

            CheckFallback(method, retry, breaker, types, nameLocation, problems, cancellationToken);
        }

        /// <summary>The hooks' methods for the generator; see <see cref="HookMethods"/>. Never throws.</summary>
        public static HookMethods Resolve(IMethodSymbol method, Compilation compilation)
        {
            if (method == null)
            {
                return HookMethods.None;
            }

            var types = KnownTypes.From(compilation);
            var definition = method.PartialDefinitionPart ?? method;
            types.FindAttributes(definition, out var retry, out var breaker);

            return Resolve(definition, retry, breaker, types);
        }

        public static HookMethods Resolve(IMethodSymbol method, AttributeData? retry, AttributeData? breaker, KnownTypes types)
        {
            IMethodSymbol? onRetry = null;
            IMethodSymbol? retryAfter = null;
            if (retry != null)
            {
                onRetry = NameOf(retry, OnRetryProperty) is string onRetryName
                    ? HookLookup.Find(method, onRetryName, types, c => HookShapes.OnRetryDifference(c, types), onRetryName).Method
                    : null;
                retryAfter = NameOf(retry, RetryAfterProperty) is string retryAfterName
                    ? HookLookup.Find(method, retryAfterName, types, c => HookShapes.RetryAfterDifference(c, types), retryAfterName).Method
                    : null;
            }

            var fallbackName = (retry == null ? null : NameOf(retry, FallbackProperty)) ?? (breaker == null ? null : NameOf(breaker, FallbackProperty));
            var fallback = fallbackName == null
                ? null
                : HookLookup.Find(method, fallbackName, types, c => HookShapes.FallbackDifference(method, c, types), fallbackName).Method;
            return new HookMethods(onRetry, retryAfter, fallback);
        }

        private static void CheckSimpleHook(IMethodSymbol method, AttributeData retry, string property, string id, string shape, Func<IMethodSymbol, string?> difference,
            KnownTypes types, Location nameLocation, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            if (!(NameOf(retry, property) is string name))
            {
                return;
            }

            var result = HookLookup.Find(method, name, types, difference, string.Format(shape, name));
            if (result.WhyNot != null)
            {
                var location = AttributeArguments.LocationOf(retry, property, nameLocation, cancellationToken);
                problems.Add(DeclarationProblem.Error(id, location, name, result.WhyNot, method.ContainingType.Name));
            }
        }

        private static void CheckFallback(IMethodSymbol method, AttributeData? retry, AttributeData? breaker, KnownTypes types, Location nameLocation,
            List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var retryName = retry == null ? null : NameOf(retry, FallbackProperty);
            var breakerName = breaker == null ? null : NameOf(breaker, FallbackProperty);
            if (retryName != null && breakerName != null && !string.Equals(retryName, breakerName, StringComparison.Ordinal))
            {
                // One call ends with one fallback: two names would leave the generated code to pick one silently.
                var location = AttributeArguments.LocationOf(breaker!, FallbackProperty, nameLocation, cancellationToken);
                problems.Add(DeclarationProblem.Error(DiagnosticIds.FallbackNotFound, location, breakerName, AttributeArguments.ShortName(breaker!),
                    "[" + AttributeArguments.ShortName(retry!) + "] names \"" + retryName + "\" and a method has one fallback",
                    "name the same method on both attributes, or set Fallback on one of them"));
                return;
            }

            var name = retryName ?? breakerName;
            if (name == null)
            {
                return;
            }

            var attribute = retryName != null ? retry! : breaker!;
            var result = HookLookup.Find(method, name, types, c => HookShapes.FallbackDifference(method, c, types), HookShapes.FallbackSignature(method, name));
            if (result.WhyNot != null)
            {
                var location = AttributeArguments.LocationOf(attribute, FallbackProperty, nameLocation, cancellationToken);
                problems.Add(DeclarationProblem.Error(DiagnosticIds.FallbackNotFound, location, name, AttributeArguments.ShortName(attribute), result.WhyNot,
                    "declare '" + HookShapes.FallbackSignature(method, name) + "' in '" + method.ContainingType.Name + "' or fix the name"));
            }
        }

        /// <summary>The method name a hook property holds; null when it is not set, null, or not a compile-time string.</summary>
        private static string? NameOf(AttributeData attribute, string property)
            => AttributeArguments.Named(attribute, property)?.Value as string;
    }
}
