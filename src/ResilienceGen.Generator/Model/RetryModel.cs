namespace ResilienceGen.Generator.Model
{
    /// <summary>
    /// [WithRetry] as written, defaults filled in. <c>Backoff</c> is the BackoffKind member name (or a cast for an
    /// undefined value); <c>Budget</c> is null unless the method declares a retry budget.
    /// </summary>
    internal sealed record RetryModel(
        int MaxRetries,
        int BaseDelayMs,
        int MaxDelayMs,
        string Backoff,
        double BackoffFactor,
        bool Jitter,
        double JitterFactor,
        ExceptionFilterModel Filter,
        BudgetModel? Budget = null);
}
