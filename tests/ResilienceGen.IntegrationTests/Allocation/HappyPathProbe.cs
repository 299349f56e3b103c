namespace ResilienceGen.IntegrationTests.Allocation;

/// <summary>
/// Each new layer's generated wrapper on its own, and all of them together, around bodies that return an already
/// completed result. Generated at build time by the real generator, as in a user's project. Each body checks that
/// its layer did its part (a timeout token, a key), and counts its calls, so a wrapper that skipped the body or the
/// layer fails the tests instead of passing them by doing nothing.
/// </summary>
public sealed partial class HappyPathProbe
{
    public const string KeyedBreaker = "integration-alloc-keyed";
    public const string AllLayersBreaker = "integration-alloc-all-layers";
    public const string AllLayersValueTaskBreaker = "integration-alloc-all-layers-valuetask";
    public const string Budget = "integration-alloc-budget";
    public const string AllLayersBudget = "integration-alloc-all-layers-budget";
    public const string AllLayersValueTaskBudget = "integration-alloc-all-layers-valuetask-budget";

    private static readonly Task<int> Done = Task.FromResult(42);
    private static readonly Task<int> NoTimeoutToken = Task.FromException<int>(new InvalidOperationException("no timeout token"));

    public int BodyCalls { get; private set; }

    [WithTimeout(AttemptMs = 10_000, TotalMs = 30_000)]
    public partial Task<int> GetTimedAsync(CancellationToken cancellationToken = default);

    [CircuitBreaker(KeyedBreaker, KeyBy = "endpoint.Host")]
    public partial Task<int> GetKeyedAsync(Uri endpoint, CancellationToken cancellationToken = default);

    [WithRetry(MaxRetries = 2, BudgetPercent = 20, Budget = Budget)]
    public partial Task<int> GetBudgetedAsync(CancellationToken cancellationToken = default);

    [WithTimeout(AttemptMs = 10_000, TotalMs = 30_000)]
    [WithRetry(MaxRetries = 2, BudgetPercent = 20, Budget = AllLayersBudget)]
    [CircuitBreaker(AllLayersBreaker, KeyBy = "endpoint.Host")]
    public partial Task<int> GetAllLayersAsync(Uri endpoint, CancellationToken cancellationToken = default);

    // The same four layers on a ValueTask<int> method: another entry point of the runtime, another fast path.
    [WithTimeout(AttemptMs = 10_000, TotalMs = 30_000)]
    [WithRetry(MaxRetries = 2, BudgetPercent = 20, Budget = AllLayersValueTaskBudget)]
    [CircuitBreaker(AllLayersValueTaskBreaker, KeyBy = "endpoint.Host")]
    public partial ValueTask<int> GetAllLayersValueAsync(Uri endpoint, CancellationToken cancellationToken = default);

    private Task<int> GetTimedCoreAsync(CancellationToken cancellationToken) => Timed(cancellationToken);

    private Task<int> GetKeyedCoreAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        BodyCalls++;
        return Done;
    }

    private Task<int> GetBudgetedCoreAsync(CancellationToken cancellationToken)
    {
        BodyCalls++;
        return Done;
    }

    private Task<int> GetAllLayersCoreAsync(Uri endpoint, CancellationToken cancellationToken) => Timed(cancellationToken);

    private ValueTask<int> GetAllLayersValueCoreAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        BodyCalls++;
        return cancellationToken.CanBeCanceled ? new ValueTask<int>(42) : new ValueTask<int>(NoTimeoutToken);
    }

    // The caller passes no token: only a timeout layer can have made this one cancellable.
    private Task<int> Timed(CancellationToken cancellationToken)
    {
        BodyCalls++;
        return cancellationToken.CanBeCanceled ? Done : NoTimeoutToken;
    }
}
