using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Every generator test is an incremental test too (NetEscapades.EnumGenerators' habit): the driver runs again on a clone
/// of the same compilation, as the IDE does after an edit the generator does not read, and every tracked step
/// (<see cref="TrackingNames.All"/>) must give the same values as before, Cached or Unchanged, and every output Cached.
/// A step whose model is not equatable (an array compared by reference, say) fails here, and so does one that holds a
/// Roslyn object (<see cref="ModelGraph"/>).
/// </summary>
internal static class SecondRunCheck
{
    /// <summary>The reasons a step may have on a run whose inputs the generator does not read changed.</summary>
    public static readonly IncrementalStepRunReason[] CachedOrUnchanged = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    /// <summary>Runs <paramref name="driver"/> (which has just run on <paramref name="compilation"/>) on a clone and asserts the above.</summary>
    public static GeneratorDriver AssertCachedOnSecondRun(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        GeneratorDriver again = driver.RunGenerators(compilation.Clone());
        GeneratorRunResult second = again.GetRunResult().Results.Single();

        var problems = new List<string>();
        foreach (string name in TrackingNames.All)
        {
            // A step with no input at all (no [CircuitBreaker] in the source, say) is not recorded; it must then be
            // missing from both runs. A run that wrote files must have recorded the steps that lead to them.
            bool ranFirst = first.TrackedSteps.TryGetValue(name, out var firstSteps);
            bool ranSecond = second.TrackedSteps.TryGetValue(name, out var secondSteps);
            bool mustRun = !first.GeneratedSources.IsEmpty && name is TrackingNames.TypeGroups or TrackingNames.TypeFiles;
            if (ranFirst != ranSecond || (mustRun && !ranFirst))
            {
                problems.Add($"step {name} recorded in the first run: {ranFirst}, in the second: {ranSecond}");
                continue;
            }

            if (!ranFirst)
            {
                continue;
            }

            var firstValues = firstSteps!.SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
            problems.AddRange(firstValues.SelectMany((value, i) => ModelGraph.RoslynObjectsIn(value, $"{name}[{i}]")));
            var secondOutputs = secondSteps!.SelectMany(s => s.Outputs).ToList();
            if (!firstValues.SequenceEqual(secondOutputs.Select(o => o.Value)))
            {
                problems.Add($"step {name} gave other values on the second run");
            }

            problems.AddRange(secondOutputs.Where(o => !CachedOrUnchanged.Contains(o.Reason))
                .Select(o => $"step {name} was {o.Reason} on the second run: {o.Value}"));
        }

        problems.AddRange(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Cached)
            .Select(o => $"an output was {o.Reason} on the second run: {o.Value}"));

        Assert.True(problems.Count == 0, "The second run on an unchanged compilation was not fully cached:\n" + string.Join("\n", problems));
        return again;
    }
}
