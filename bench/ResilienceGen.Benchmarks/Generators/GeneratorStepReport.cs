using Microsoft.CodeAnalysis;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// <c>--generator-steps</c>: where each generator's time goes, cold and after the unrelated edit, per incremental
/// step (Roslyn's own tracked steps, with their run reasons: New, Modified, Unchanged, Cached). Explains the
/// benchmark's numbers; it is not one.
/// </summary>
internal static class GeneratorStepReport
{
    private const int Rounds = 3;

    public static void Run(TextWriter output)
    {
        Print(output, "ResilienceGen", new GeneratorHarness(GeneratorPaths.ResilienceGen, GeneratorCorpus.ResilienceGenFiles()));
        Print(output, "LoggerMessage", new GeneratorHarness(GeneratorPaths.LoggerMessage, GeneratorCorpus.LoggerMessageFiles()));
        Print(
            output,
            "Attribute lookup floor",
            new GeneratorHarness([new AttributeLookupFloorGenerator().AsSourceGenerator()], GeneratorCorpus.ResilienceGenFiles()));
    }

    private static void Print(TextWriter output, string label, GeneratorHarness harness)
    {
        // The last of a few rounds, so JIT and first-use costs are out of the picture.
        (GeneratorDriver Cold, GeneratorDriver AfterEdit) runs = harness.RunWithStepTracking();
        for (int round = 1; round < Rounds; round++)
        {
            runs = harness.RunWithStepTracking();
        }

        PrintRun(output, $"{label}, cold run", runs.Cold);
        PrintRun(output, $"{label}, after an unrelated edit", runs.AfterEdit);
    }

    private static void PrintRun(TextWriter output, string title, GeneratorDriver driver)
    {
        GeneratorDriverTimingInfo timing = driver.GetTimingInfo();
        output.WriteLine($"{title}: {timing.ElapsedTime.TotalMilliseconds:F1} ms");
        foreach (GeneratorRunResult result in driver.GetRunResult().Results)
        {
            foreach (KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> step in result.TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                double milliseconds = step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds);
                string reasons = string.Join(
                    ", ",
                    step.Value.SelectMany(run => run.Outputs)
                        .GroupBy(o => o.Reason)
                        .Select(g => $"{g.Key} {g.Count()}"));
                output.WriteLine($"  {step.Key,-60} {milliseconds,10:F1} ms   {reasons}");
            }
        }

        output.WriteLine();
    }
}
