namespace ResilienceGen.Generator.Model
{
    /// <summary>[CircuitBreaker] as written, defaults filled in; <c>Name</c> defaults to Namespace.Type.Method.</summary>
    /// <param name="Key">With <c>KeyBy</c>: the key expression and the key cap; null for one breaker for every call.</param>
    internal sealed record BreakerModel(
        string Name,
        int FailureThreshold,
        int BreakDurationMs,
        int HalfOpenMaxCalls,
        int SuccessThreshold,
        double FailureRatio,
        int MinimumThroughput,
        int SamplingDurationMs,
        ExceptionFilterModel Filter,
        KeyModel? Key = null)
    {
        /// <summary>A success that took at least this long counts as a failure; 0 (off) is not written out.</summary>
        public int SlowCallDurationMs { get; init; }
    }
}
