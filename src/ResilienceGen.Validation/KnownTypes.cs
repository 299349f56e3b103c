using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// The types the rules need, resolved once per compilation by metadata name; the attribute names are also what the
    /// generator's ForAttributeWithMetadataName looks for, so there is one way to find our attributes.
    /// <see cref="HasAttributes"/> is false when the runtime assembly is not referenced: then there is nothing to check.
    /// </summary>
    internal sealed class KnownTypes
    {
        private static readonly ConditionalWeakTable<Compilation, KnownTypes> s_byCompilation = new ConditionalWeakTable<Compilation, KnownTypes>();

        public const string WithRetryAttributeName = "ResilienceGen.WithRetryAttribute";
        public const string CircuitBreakerAttributeName = "ResilienceGen.CircuitBreakerAttribute";
        public const string WithTimeoutAttributeName = "ResilienceGen.WithTimeoutAttribute";
        public const string BackoffKindName = "ResilienceGen.BackoffKind";

        private KnownTypes(Compilation compilation)
        {
            Compilation = compilation;
            WithRetryAttribute = compilation.GetTypeByMetadataName(WithRetryAttributeName);
            CircuitBreakerAttribute = compilation.GetTypeByMetadataName(CircuitBreakerAttributeName);
            WithTimeoutAttribute = compilation.GetTypeByMetadataName(WithTimeoutAttributeName);
            BackoffKind = compilation.GetTypeByMetadataName(BackoffKindName);
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            Boolean = compilation.GetSpecialType(SpecialType.System_Boolean);
        }

        /// <summary>
        /// The types of <paramref name="compilation"/>, resolved on the first call for it and shared by every method after:
        /// the generator's transform runs once per method, and a compilation (immutable) never changes its types.
        /// Kept beside the compilation, never in the generator's pipeline, whose values must be equatable.
        /// </summary>
        public static KnownTypes For(Compilation compilation) => s_byCompilation.GetValue(compilation, static c => new KnownTypes(c));

        /// <summary>The compilation the types come from (for accessibility questions).</summary>
        public Compilation Compilation { get; }

        public INamedTypeSymbol? WithRetryAttribute { get; }
        public INamedTypeSymbol? CircuitBreakerAttribute { get; }
        public INamedTypeSymbol? WithTimeoutAttribute { get; }
        public INamedTypeSymbol? BackoffKind { get; }
        public INamedTypeSymbol? Exception { get; }
        public INamedTypeSymbol? TimeSpan { get; }
        public INamedTypeSymbol? CancellationToken { get; }
        public INamedTypeSymbol? Task { get; }
        public INamedTypeSymbol? TaskOfT { get; }
        public INamedTypeSymbol? ValueTask { get; }
        public INamedTypeSymbol? ValueTaskOfT { get; }
        public INamedTypeSymbol Boolean { get; }

        public bool HasAttributes => WithRetryAttribute != null || CircuitBreakerAttribute != null || WithTimeoutAttribute != null;

        public bool IsWithRetry(AttributeData attribute) => Is(attribute, WithRetryAttribute);

        public bool IsCircuitBreaker(AttributeData attribute) => Is(attribute, CircuitBreakerAttribute);

        public bool IsWithTimeout(AttributeData attribute) => Is(attribute, WithTimeoutAttribute);

        private static bool Is(AttributeData attribute, INamedTypeSymbol? type)
            => type != null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
    }
}
