namespace ResilienceGen.Generator.Model
{
    /// <summary>A breaker per key (<c>KeyBy</c>).</summary>
    /// <param name="Path">The path as written, e.g. <c>endpoint.Host</c> (for the policy comment).</param>
    /// <param name="Parameter">The escaped name of the parameter the key is read from.</param>
    /// <param name="Access">The member chain after it, null-safe: <c>?.Host</c>; empty for the parameter itself.</param>
    /// <param name="MaxKeys">Keyed breakers kept at most.</param>
    internal sealed record KeyModel(string Path, string Parameter, string Access, int MaxKeys)
    {
        /// <summary>
        /// The chain starts with <c>?.</c> on the parameter: the emitter reads it from a copy, because a null test on
        /// the parameter itself would make the compiler think it may be null where the wrapper passes it on (CS8604).
        /// </summary>
        public bool ReadsThroughCopy => Access.StartsWith("?.", System.StringComparison.Ordinal);
    }
}
