namespace ResilienceGen.IntegrationTests.Allocation;

/// <summary>
/// The allocation tests run alone, never beside another test class: a metrics listener (a <c>MetricCollector</c> in
/// another class) turns on the attempts counter, and recording a measurement then allocates on the calling thread,
/// inside the measured loop (CI saw 264 B per call on every layer while such a class ran beside them).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    public const string Name = "Allocation measurements";
}
