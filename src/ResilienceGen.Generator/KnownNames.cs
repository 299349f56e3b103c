namespace ResilienceGen.Generator
{
    /// <summary>
    /// The runtime's names the emitted code spells out, the only way the generated code knows the runtime (see
    /// docs/design/generated-code-contract.md). The attributes are found by <see cref="Validation.KnownTypes"/>.
    /// </summary>
    internal static class KnownNames
    {
        public const string ResilientMethod = "global::ResilienceGen.Internal.ResilientMethod";
        public const string ResilientInvoker = "global::ResilienceGen.Internal.ResilientInvoker";
        // The generic struct FirstAttempt<TTask> and the static class FirstAttempt (its Succeeded checks) share the name.
        public const string FirstAttempt = "global::ResilienceGen.Internal.FirstAttempt";
        public const string Exception = "global::System.Exception";
        public const string RetryOptions = "global::ResilienceGen.RetryOptions";
        public const string CircuitBreakerOptions = "global::ResilienceGen.CircuitBreakerOptions";
        public const string RetryBudgetOptions = "global::ResilienceGen.RetryBudgetOptions";
        public const string BackoffKind = "global::ResilienceGen.BackoffKind";
        public const string TimeoutOptions = "global::ResilienceGen.TimeoutOptions";
        public const string CancellationToken = "global::System.Threading.CancellationToken";

        public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
        public const string InvalidOperationException = "global::System.InvalidOperationException";
    }
}
