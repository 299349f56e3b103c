namespace ResilienceGen.Generator.Model
{
    /// <summary>[WithTimeout] as written, defaults filled in (0 = no limit).</summary>
    internal sealed record TimeoutModel(int AttemptMs, int TotalMs);
}
