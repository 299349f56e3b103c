namespace ResilienceGen.IntegrationTests.Client;

// The [WithTimeout] scenarios (issue 15): the attempt timeout cancels the HttpClient request through the token the
// body gets, so the service sees its request aborted; the retry then tries again.
public sealed partial class ItemsClient
{
    public const string TimeoutBreaker = "integration-timeout";

    /// <summary>A 300 ms attempt limit, 2 retries, and a breaker that counts the timeouts.</summary>
    [WithTimeout(AttemptMs = 300, TotalMs = 20_000)]
    [WithRetry(MaxRetries = 2, BaseDelayMs = 10)]
    [CircuitBreaker(TimeoutBreaker, FailureThreshold = 10, BreakDurationMs = 600_000)]
    public partial Task<string> GetItemWithAttemptTimeoutAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A 1 s limit on the whole call: its one attempt hangs, and the deadline cuts it short.</summary>
    [WithTimeout(TotalMs = 1_000)]
    [WithRetry(MaxRetries = 5, BaseDelayMs = 10)]
    public partial Task<string> GetItemWithTotalTimeoutAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Limits far beyond the test's wait, for the caller's own cancellation while they are armed.</summary>
    [WithTimeout(AttemptMs = 30_000, TotalMs = 60_000)]
    [WithRetry(MaxRetries = 2, BaseDelayMs = 10)]
    public partial Task<string> GetItemWithLongTimeoutsAsync(string id, CancellationToken cancellationToken = default);

    private Task<string> GetItemWithLongTimeoutsCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    // The token is the attempt's: FetchItemAsync's own check sees it cancelled and lets the OperationCanceledException
    // through, which the runtime turns into ResilienceTimeoutException.
    private Task<string> GetItemWithAttemptTimeoutCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemWithTotalTimeoutCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);
}
