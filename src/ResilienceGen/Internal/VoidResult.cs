namespace ResilienceGen.Internal
{
    /// <summary>The call loop's result type for bodies that return a bare Task or ValueTask: carries nothing.</summary>
    internal readonly struct VoidResult
    {
    }
}
