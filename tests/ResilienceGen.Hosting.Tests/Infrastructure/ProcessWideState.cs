namespace ResilienceGen.Hosting.Tests.Infrastructure;

/// <summary>
/// Every test here changes process-wide state (<see cref="Resilience"/>'s logger factory, clock, meter and
/// breakers), so they run one at a time, in this collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideState
{
    public const string Name = "Process-wide ResilienceGen state";
}

/// <summary>Starts each test with no breakers and the runtime's defaults, and puts them back after it.</summary>
[Collection(ProcessWideState.Name)]
public abstract class ProcessWideStateTest : IDisposable
{
    protected ProcessWideStateTest() => Reset();

    public void Dispose()
    {
        Reset();
        GC.SuppressFinalize(this);
    }

    private static void Reset()
    {
        Resilience.Breakers.ClearForTesting();
        Resilience.RestoreDefaultsForTesting();
    }
}
