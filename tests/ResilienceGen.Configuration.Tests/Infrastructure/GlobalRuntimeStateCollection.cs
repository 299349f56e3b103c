namespace ResilienceGen.Configuration.Tests.Infrastructure;

/// <summary>
/// Every test here changes process-wide runtime state (overrides, kill switches, the clock, the logger factory),
/// so they all belong to this one collection and run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRuntimeStateCollection
{
    public const string Name = "Global runtime state";
}
