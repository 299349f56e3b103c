namespace ResilienceGen.IntegrationTests.Client;

// One resilient method per scenario: attribute values are compile-time constants, and breakers are process-wide
// by name, so every scenario gets its own method and its own breaker name. Each body is a private *CoreAsync
// method (the generator finds it by name) that hands the work to the one HTTP routine.
public sealed partial class ItemsClient
{
    public const string OutageBreaker = "integration-outage";
    public const string RecoveryBreaker = "integration-recovery";
    public const string CancelDuringResponseBreaker = "integration-cancel-response";
    public const string CancelDuringBackoffBreaker = "integration-cancel-backoff";
    public const string LoadBreaker = "integration-load";

    /// <summary>Transient faults: retried, no breaker.</summary>
    [WithRetry(MaxRetries = 4, BaseDelayMs = 10, Handle = [typeof(HttpRequestException), typeof(TimeoutException)])]
    public partial Task<string> GetItemWithRetriesAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The same policy, for the connection-fault tests alone, so their metrics are theirs.</summary>
    [WithRetry(MaxRetries = 4, BaseDelayMs = 10, Handle = [typeof(HttpRequestException), typeof(TimeoutException)])]
    public partial Task<string> GetItemOverFlakyNetworkAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>An outage: 3 attempts per call, and a breaker that opens after 5 failures and stays open.</summary>
    [WithRetry(MaxRetries = 2, BaseDelayMs = 10, Handle = [typeof(HttpRequestException)])]
    [CircuitBreaker(OutageBreaker, FailureThreshold = 5, BreakDurationMs = 600_000)]
    public partial Task<string> GetItemThroughOutageAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Recovery: a short break, then 3 probes at once, all of which must succeed to close.</summary>
    [CircuitBreaker(RecoveryBreaker, FailureThreshold = 2, BreakDurationMs = 1000, HalfOpenMaxCalls = 3, SuccessThreshold = 3)]
    public partial Task<string> GetItemAfterBreakAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Cancelled while the response is slow: a single failure would open this breaker.</summary>
    [WithRetry(MaxRetries = 3, BaseDelayMs = 10)]
    [CircuitBreaker(CancelDuringResponseBreaker, FailureThreshold = 1, BreakDurationMs = 600_000)]
    public partial Task<string> GetItemCancelledDuringResponseAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Cancelled while waiting out a minute-long backoff: one real failure, and a second would open the breaker.</summary>
    [WithRetry(MaxRetries = 3, BaseDelayMs = 60_000, Jitter = false)]
    [CircuitBreaker(CancelDuringBackoffBreaker, FailureThreshold = 2, BreakDurationMs = 600_000)]
    public partial Task<string> GetItemCancelledDuringBackoffAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Load: 4 retries with short jittered delays, behind a ratio breaker that a 20% failure rate never opens,
    /// so every attempt is also counted by a breaker under contention.
    /// </summary>
    [WithRetry(MaxRetries = 4, BaseDelayMs = 2, MaxDelayMs = 20, Handle = [typeof(HttpRequestException)])]
    [CircuitBreaker(LoadBreaker, FailureRatio = 0.6, MinimumThroughput = 200, SamplingDurationMs = 10_000, BreakDurationMs = 1000)]
    public partial Task<string> GetItemUnderLoadAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// 503 + Retry-After: the service's hint replaces a 30 s backoff. OnRetry records the delay the runtime chose.
    /// </summary>
    [WithRetry(MaxRetries = 1, BaseDelayMs = 30_000, MaxDelayMs = 60_000, Jitter = false, Handle = [typeof(HttpRequestException)],
        RetryAfter = nameof(RetryAfterFromService), OnRetry = nameof(RecordRetryDelay))]
    public partial Task<string> GetItemHonoringRetryAfterAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The same hint, capped: MaxDelayMs (200 ms) is below the service's Retry-After (1 s) and wins.</summary>
    [WithRetry(MaxRetries = 1, BaseDelayMs = 100, MaxDelayMs = 200, Jitter = false, Handle = [typeof(HttpRequestException)],
        RetryAfter = nameof(RetryAfterFromService), OnRetry = nameof(RecordRetryDelay))]
    public partial Task<string> GetItemWithCappedRetryAfterAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every delay the OnRetry hook saw, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> RetryDelays { get; } = new();

    // The header as FetchItemAsync carried it on the exception; null (no 503, or no header) keeps the computed backoff.
    private static TimeSpan? RetryAfterFromService(Exception exception) => (exception as ServiceUnavailableException)?.RetryAfter;

    private void RecordRetryDelay(int attempt, TimeSpan delay, Exception exception) => RetryDelays.Enqueue(delay);

    private Task<string> GetItemHonoringRetryAfterCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemWithCappedRetryAfterCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemWithRetriesCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemOverFlakyNetworkCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemThroughOutageCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemAfterBreakCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemCancelledDuringResponseCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemCancelledDuringBackoffCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemUnderLoadCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);
}
