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
        ExceptionFilterModel Filter)
    {
        /// <summary>A success that took at least this long counts as a failure; 0 (off) is not written out.</summary>
        public int SlowCallDurationMs { get; init; }
    }
}
