namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>The exception the retry benchmark's body fails with once per call.</summary>
public sealed class TransientFailure : Exception
{
    public TransientFailure()
        : base("Transient failure (benchmark).")
    {
    }
}
