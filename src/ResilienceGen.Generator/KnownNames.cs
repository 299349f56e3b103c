namespace ResilienceGen.Generator
{
    /// <summary>The runtime's names, the only way the generator knows the runtime (see docs/design/generated-code-contract.md).</summary>
    internal static class KnownNames
    {
        public const string RuntimeNamespace = "ResilienceGen";
        public const string WithRetryAttributeName = "WithRetryAttribute";
        public const string CircuitBreakerAttributeName = "CircuitBreakerAttribute";
        public const string WithRetryAttribute = RuntimeNamespace + "." + WithRetryAttributeName;
        public const string CircuitBreakerAttribute = RuntimeNamespace + "." + CircuitBreakerAttributeName;

        public const string ResilientMethod = "global::ResilienceGen.Internal.ResilientMethod";
        public const string ResilientInvoker = "global::ResilienceGen.Internal.ResilientInvoker";
        // The generic struct FirstAttempt<TTask> and the static class FirstAttempt (its Succeeded checks) share the name.
        public const string FirstAttempt = "global::ResilienceGen.Internal.FirstAttempt";
        public const string Exception = "global::System.Exception";
        public const string RetryOptions = "global::ResilienceGen.RetryOptions";
        public const string CircuitBreakerOptions = "global::ResilienceGen.CircuitBreakerOptions";
        public const string BackoffKind = "global::ResilienceGen.BackoffKind";

        public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
        public const string InvalidOperationException = "global::System.InvalidOperationException";
    }
}
