namespace ResilienceGen.Generator.Model
{
    /// <summary>[CircuitBreaker] as written, defaults filled in; <c>Name</c> defaults to Namespace.Type.Method.</summary>
    internal sealed record BreakerModel(
        string Name,
        int FailureThreshold,
        int BreakDurationMs,
        int HalfOpenMaxCalls,
        int SuccessThreshold,
        double FailureRatio,
        int MinimumThroughput,
        int SamplingDurationMs,
        ExceptionFilterModel Filter);
}
