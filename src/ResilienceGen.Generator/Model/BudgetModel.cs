namespace ResilienceGen.Generator.Model
{
    /// <summary>A retry budget as [WithRetry] declares it (only when BudgetPercent is above 0); <c>Name</c> defaults to Namespace.Type.Method.</summary>
    internal sealed record BudgetModel(string Name, double Percent, int MinPerSecond);
}
