namespace ResilienceGen.Generator.Model
{
    /// <summary>
    /// Everything the emitter needs about one attributed partial method: strings, numbers, enums and
    /// equatable arrays only, so an edit that changes none of it leaves the pipeline cached.
    /// </summary>
    /// <param name="Type">The containing type chain; methods are grouped by it, one file per type.</param>
    /// <param name="Name">Escaped method name.</param>
    /// <param name="DisplayName">Namespace.Type.Method, for logs, metrics and the default breaker name.</param>
    /// <param name="Modifiers">The declaration's modifiers as written (the implementation must repeat them), e.g. <c>public virtual partial</c>.</param>
    /// <param name="ReturnType">Fully qualified return type, with <c>ref</c>/<c>ref readonly</c> if declared so.</param>
    /// <param name="TypeParameters">Escaped method type parameter names.</param>
    /// <param name="ConstraintClauses">One <c>where</c> clause per constrained type parameter.</param>
    /// <param name="StubDiagnosticId">Set when the declaration is invalid: emit only the throwing stub, naming this id.</param>
    /// <param name="CoreName">Escaped name of the body method.</param>
    /// <param name="LoggerExpression">Expression for the type's logger, or null to let the runtime use Resilience.LoggerFactory.</param>
    /// <param name="CancellationTokenParameter">Escaped name of the first CancellationToken parameter, or null.</param>
    /// <param name="Hooks">OnRetry / RetryAfter / Fallback methods the generated call passes to the runtime.</param>
    internal sealed record MethodModel(
        TypeHierarchy Type,
        string Name,
        string DisplayName,
        string Modifiers,
        string ReturnType,
        ReturnKind ReturnKind,
        bool IsStatic,
        EquatableArray<string> TypeParameters,
        EquatableArray<string> ConstraintClauses,
        EquatableArray<ParameterModel> Parameters,
        string? StubDiagnosticId,
        string CoreName,
        string? LoggerExpression,
        string? CancellationTokenParameter,
        RetryModel? Retry,
        BreakerModel? Breaker,
        HooksModel Hooks)
    {
        /// <summary>[WithTimeout], or null without it (then the emitted code is exactly what it was before timeouts).</summary>
        public TimeoutModel? Timeout { get; init; }

        /// <summary>Name plus parameter types: tells overloads apart when merging and ordering.</summary>
        public string SignatureKey
        {
            get
            {
                var key = new System.Text.StringBuilder(Name).Append('`').Append(TypeParameters.Count).Append('(');
                foreach (ParameterModel parameter in Parameters)
                {
                    key.Append(parameter.Modifiers).Append(parameter.Type).Append(',');
                }

                return key.Append(')').ToString();
            }
        }
    }
}
