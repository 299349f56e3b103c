using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ResilienceGen.Validation;

namespace ResilienceGen.Analyzers
{
    /// <summary>
    /// Every diagnostic ResilienceGen reports. Message arguments are produced by the shared validator
    /// (src/ResilienceGen.Validation), in the order each format expects.
    /// </summary>
    internal static class Descriptors
    {
        /// <summary>Help pages live in the repository: docs/diagnostics/RGxxxx.md.</summary>
        public const string HelpLinkBase = "https://github.com/resiliencegen/resiliencegen/blob/main/docs/diagnostics/";

        private const string Declaration = "ResilienceGen.Declaration";
        private const string Configuration = "ResilienceGen.Configuration";
        private const string Usage = "ResilienceGen.Usage";

        public static readonly DiagnosticDescriptor NotBodylessPartial = Create(
            DiagnosticIds.NotBodylessPartial, Declaration, DiagnosticSeverity.Error,
            "Resilient method must be a partial declaration without a body",
            "Method '{0}' {1}: make it a partial method declaration without a body and move the body into a method '{2}'");

        public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
            DiagnosticIds.UnsupportedReturnType, Declaration, DiagnosticSeverity.Error,
            "Resilient method must return Task, Task<T>, ValueTask or ValueTask<T>",
            "Method '{0}' returns '{1}': return Task, Task<T>, ValueTask or ValueTask<T>");

        public static readonly DiagnosticDescriptor CoreMethodMissing = Create(
            DiagnosticIds.CoreMethodMissing, Declaration, DiagnosticSeverity.Error,
            "Implementation method not found",
            "No implementation method '{1}' found for '{0}': add '{2}' to the type");

        public static readonly DiagnosticDescriptor CoreMethodSignatureMismatch = Create(
            DiagnosticIds.CoreMethodSignatureMismatch, Declaration, DiagnosticSeverity.Error,
            "Implementation method's signature differs from the declaration",
            "Implementation method '{0}' does not match '{1}': {2}; give it the declaration's parameters, return type, static-ness and type parameters");

        public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
            DiagnosticIds.UnsupportedParameter, Declaration, DiagnosticSeverity.Error,
            "Resilient method cannot take ref, out, in or ref-struct parameters",
            "Parameter '{0}' of '{1}' is {2}: a resilient method's parameters are captured for every attempt, so pass it by value with a type that is not a ref struct or pointer");

        public static readonly DiagnosticDescriptor StructInstanceMethod = Create(
            DiagnosticIds.StructInstanceMethod, Declaration, DiagnosticSeverity.Error,
            "Resilient method cannot be an instance method of a struct",
            "'{0}' is an instance method of struct '{1}': the wrapper would run on a copy; make it static or move it into a class");

        public static readonly DiagnosticDescriptor AttributeValueOutOfRange = Create(
            DiagnosticIds.AttributeValueOutOfRange, Configuration, DiagnosticSeverity.Error,
            "Attribute value out of range",
            "{0} = {1} on [{2}] is out of range: use a value {3}");

        public static readonly DiagnosticDescriptor NotAnExceptionType = Create(
            DiagnosticIds.NotAnExceptionType, Configuration, DiagnosticSeverity.Error,
            "Handle/Ignore lists a type that is not an exception",
            "'{0}' in {1} of [{2}] is not an exception type: list only closed types derived from System.Exception");

        public static readonly DiagnosticDescriptor ShouldHandleNotFound = Create(
            DiagnosticIds.ShouldHandleNotFound, Configuration, DiagnosticSeverity.Error,
            "ShouldHandle names no method 'bool M(Exception)' of the type",
            "ShouldHandle = \"{0}\" on [{1}] names no usable method ({2}): declare 'bool {0}(Exception)' in '{3}' or fix the name");

        public static readonly DiagnosticDescriptor BreakerSettingsConflict = Create(
            DiagnosticIds.BreakerSettingsConflict, Configuration, DiagnosticSeverity.Warning,
            "Circuit breakers sharing a name are declared with different settings",
            "Circuit breaker '{0}' is declared with {1} here but with {2} on '{3}': the first method called decides; {4}",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor BudgetSettingsConflict = Create(
            DiagnosticIds.BudgetSettingsConflict, Configuration, DiagnosticSeverity.Warning,
            "Methods sharing a retry budget are declared with different budget settings",
            "Retry budget '{0}' is declared with {1} here but with {2} on '{3}': the first method set up decides; {4}",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor NoCancellationToken = Create(
            DiagnosticIds.NoCancellationToken, Usage, DiagnosticSeverity.Info,
            "Resilient method has no CancellationToken parameter",
            "'{0}' has no CancellationToken parameter, so {1}: add 'CancellationToken cancellationToken = default'");

        public static readonly DiagnosticDescriptor CoreMethodNotPrivate = Create(
            DiagnosticIds.CoreMethodNotPrivate, Usage, DiagnosticSeverity.Warning,
            "Implementation method is not private",
            "Implementation method '{0}' is {1}, so code outside the type can call it and bypass the resilience of '{2}': make it private");

        public static readonly DiagnosticDescriptor OnRetryNotFound = Create(
            DiagnosticIds.OnRetryNotFound, Configuration, DiagnosticSeverity.Error,
            "OnRetry names no method 'void M(int, TimeSpan, Exception)' of the type",
            "OnRetry = \"{0}\" on [WithRetry] names no usable method ({1}): declare 'void {0}(int attempt, TimeSpan delay, Exception exception)' in '{2}' or fix the name");

        public static readonly DiagnosticDescriptor FallbackNotFound = Create(
            DiagnosticIds.FallbackNotFound, Configuration, DiagnosticSeverity.Error,
            "Fallback names no method taking the wrapper's parameters plus an Exception and returning its type",
            "Fallback = \"{0}\" on [{1}] cannot be used ({2}): {3}");

        public static readonly DiagnosticDescriptor RetryAfterNotFound = Create(
            DiagnosticIds.RetryAfterNotFound, Configuration, DiagnosticSeverity.Error,
            "RetryAfter names no method 'TimeSpan? M(Exception)' of the type",
            "RetryAfter = \"{0}\" on [WithRetry] names no usable method ({1}): declare 'TimeSpan? {0}(Exception exception)' in '{2}' or fix the name");

        public static readonly DiagnosticDescriptor TimeoutWithoutCancellationToken = Create(
            DiagnosticIds.TimeoutWithoutCancellationToken, Usage, DiagnosticSeverity.Error,
            "[WithTimeout] method has no CancellationToken parameter",
            "'{0}' has [WithTimeout] but no CancellationToken parameter, so its body cannot be told that time is up: add 'CancellationToken cancellationToken = default'");

        public static readonly DiagnosticDescriptor TimeoutSettingsDefeatEachOther = Create(
            DiagnosticIds.TimeoutSettingsDefeatEachOther, Configuration, DiagnosticSeverity.Warning,
            "Timeout settings defeat each other",
            "{0} does not work as written: {1}; {2}");
        public static readonly DiagnosticDescriptor KeyByNotFound = Create(
            DiagnosticIds.KeyByNotFound, Configuration, DiagnosticSeverity.Error,
            "KeyBy names no parameter or member path of the method",
            "KeyBy = \"{0}\" on [{1}] {2}: {3}");

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
            NotBodylessPartial, UnsupportedReturnType, CoreMethodMissing, CoreMethodSignatureMismatch, UnsupportedParameter,
            StructInstanceMethod, AttributeValueOutOfRange, NotAnExceptionType, ShouldHandleNotFound, BreakerSettingsConflict,
            NoCancellationToken, CoreMethodNotPrivate, OnRetryNotFound, FallbackNotFound, RetryAfterNotFound,
            TimeoutWithoutCancellationToken, TimeoutSettingsDefeatEachOther, KeyByNotFound, BudgetSettingsConflict);

        /// <summary>The descriptor for a validator problem id, or null for ids that are not ours to report.</summary>
        public static DiagnosticDescriptor? ById(string id)
        {
            foreach (var descriptor in All)
            {
                if (descriptor.Id == id)
                {
                    return descriptor;
                }
            }

            return null;
        }

        private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message, params string[] customTags)
            => new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true,
                description: null, helpLinkUri: HelpLinkBase + id + ".md", customTags: customTags);
    }
}
