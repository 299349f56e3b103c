namespace ResilienceGen.IntegrationTests.Client;

// Retry budgets (API.md §6.3): one method with a budget, one with the same retry policy and none, so a test can
// show what the budget saves an overloaded service. Immediate retries (no delay) keep the whole run inside one
// budget window of 10 s.
public sealed partial class ItemsClient
{
    public const string OverloadBudget = "integration-overload";
    public const int OverloadBudgetMinPerSecond = 1;

    /// <summary>3 retries per call, but retries may add at most 20 % to the calls (plus 1 per second).</summary>
    [WithRetry(MaxRetries = 3, BaseDelayMs = 0, MaxDelayMs = 0, Handle = [typeof(HttpRequestException)],
        BudgetPercent = 20, BudgetMinPerSecond = OverloadBudgetMinPerSecond, Budget = OverloadBudget)]
    public partial Task<string> GetItemWithinBudgetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The same retries without a budget.</summary>
    [WithRetry(MaxRetries = 3, BaseDelayMs = 0, MaxDelayMs = 0, Handle = [typeof(HttpRequestException)])]
    public partial Task<string> GetItemWithoutBudgetAsync(string id, CancellationToken cancellationToken = default);

    private Task<string> GetItemWithinBudgetCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);

    private Task<string> GetItemWithoutBudgetCoreAsync(string id, CancellationToken cancellationToken) =>
        FetchItemAsync(id, cancellationToken);
}
