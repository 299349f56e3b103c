using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// ResilienceGen's generator next to the LoggerMessage generator, each over 2,000 attributed methods
/// (<see cref="GeneratorCorpus"/>), both driven in this one process by <see cref="CSharpGeneratorDriver"/>.
/// A third pair, <see cref="AttributeLookupFloorGenerator"/>, shows what Roslyn's attribute lookup alone costs
/// on ResilienceGen's input. Grouped per generator: the Ratio column of the "after an unrelated edit" row is its
/// cost as a share of that generator's cold run; compare the cold runs' means across groups.
/// </summary>
[MemoryDiagnoser]
// One operation is a whole generator run (about a second on a 2-core machine): a bounded number of iterations
// keeps the full suite to minutes while still giving a confidence interval.
[WarmupCount(2)]
[IterationCount(12)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    private GeneratorHarness _resilienceGen = null!;
    private GeneratorHarness _loggerMessage = null!;
    private GeneratorHarness _floor = null!;

    // Each benchmark runs in its own process: set up only the corpus it times.
    [GlobalSetup(Targets = [nameof(ResilienceGenColdRun), nameof(ResilienceGenAfterUnrelatedEdit)])]
    public void SetUpResilienceGen()
    {
        _resilienceGen = new GeneratorHarness(GeneratorPaths.ResilienceGen, GeneratorCorpus.ResilienceGenFiles());
        _resilienceGen.EnsureOutputCompiles();
    }

    [GlobalSetup(Targets = [nameof(LoggerMessageColdRun), nameof(LoggerMessageAfterUnrelatedEdit)])]
    public void SetUpLoggerMessage()
    {
        _loggerMessage = new GeneratorHarness(GeneratorPaths.LoggerMessage, GeneratorCorpus.LoggerMessageFiles());
        _loggerMessage.EnsureOutputCompiles();
    }

    [GlobalSetup(Targets = [nameof(AttributeLookupFloorColdRun), nameof(AttributeLookupFloorAfterUnrelatedEdit)])]
    public void SetUpFloor()
    {
        _floor = new GeneratorHarness(
            [new AttributeLookupFloorGenerator().AsSourceGenerator()],
            GeneratorCorpus.ResilienceGenFiles());
        // The floor implements none of the partial methods, so the corpus cannot compile with its output.
        _floor.EnsureRanCleanly();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ResilienceGen")]
    public GeneratorDriver ResilienceGenColdRun() => _resilienceGen.FirstRun();

    [Benchmark]
    [BenchmarkCategory("ResilienceGen")]
    public GeneratorDriver ResilienceGenAfterUnrelatedEdit() => _resilienceGen.RunAfterUnrelatedEdit();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("LoggerMessage")]
    public GeneratorDriver LoggerMessageColdRun() => _loggerMessage.FirstRun();

    [Benchmark]
    [BenchmarkCategory("LoggerMessage")]
    public GeneratorDriver LoggerMessageAfterUnrelatedEdit() => _loggerMessage.RunAfterUnrelatedEdit();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AttributeLookupFloor")]
    public GeneratorDriver AttributeLookupFloorColdRun() => _floor.FirstRun();

    [Benchmark]
    [BenchmarkCategory("AttributeLookupFloor")]
    public GeneratorDriver AttributeLookupFloorAfterUnrelatedEdit() => _floor.RunAfterUnrelatedEdit();
}
