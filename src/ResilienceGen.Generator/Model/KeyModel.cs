namespace ResilienceGen.Generator.Model
{
    /// <summary>A breaker per key (<c>KeyBy</c>).</summary>
    /// <param name="Path">The path as written, e.g. <c>endpoint.Host</c> (for the policy comment).</param>
    /// <param name="Expression">The key read from the wrapper's parameters, null-safe along the chain: <c>endpoint?.Host</c>.</param>
    /// <param name="MaxKeys">Keyed breakers kept at most.</param>
    internal sealed record KeyModel(string Path, string Expression, int MaxKeys);
}
