using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests;

/// <summary>
/// Edits that change nothing the generator reads leave every tracked step Cached or Unchanged, so the IDE does no
/// emitting work while the user types in a Core method. A control edit (an attribute value) shows the check can fail.
/// </summary>
public sealed class IncrementalTests
{
    private const string Client = """
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Shop;

        public partial class InventoryClient
        {
            [WithRetry(MaxRetries = 4, BaseDelayMs = 100)]
            [CircuitBreaker("inventory")]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken = default);

            [CircuitBreaker]
            public partial Task PingAsync();

            [WithTimeout(AttemptMs = 2_000)]
            public partial Task<int> CountAsync(CancellationToken cancellationToken = default);

            private Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);

            private Task PingCoreAsync() => Task.CompletedTask;

            private Task<int> CountCoreAsync(CancellationToken cancellationToken) => Task.FromResult(1);
        }
        """;

    private const string Other = """
        namespace Shop;

        public partial class Catalog
        {
            [ResilienceGen.WithRetry]
            public partial System.Threading.Tasks.Task LoadAsync();

            private System.Threading.Tasks.Task LoadCoreAsync() => System.Threading.Tasks.Task.CompletedTask;
        }
        """;

    [Fact]
    public void AddingAnUnrelatedFileKeepsEveryStepCached()
    {
        (GeneratorDriver driver, Compilation compilation) = FirstRun();

        Compilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop; public class Unrelated { public int Value => 42; }", GeneratorRun.ParseOptions(), path: "Unrelated.cs"));
        GeneratorRun second = GeneratorRun.RunOn(driver, edited);

        AssertEveryStep(second, SecondRunCheck.CachedOrUnchanged);
    }

    [Fact]
    public void EditingACoreMethodBodyKeepsEveryStepCached()
    {
        (GeneratorDriver driver, Compilation compilation) = FirstRun();

        Compilation edited = ReplaceClient(compilation, Client.Replace("Task.FromResult(sku.Length)", "Task.FromResult(sku.Length * 2 + 1)"));
        GeneratorRun second = GeneratorRun.RunOn(driver, edited);

        AssertEveryStep(second, SecondRunCheck.CachedOrUnchanged);
    }

    [Fact]
    public void ChangingAnAttributeValueIsSeen_Control()
    {
        (GeneratorDriver driver, Compilation compilation) = FirstRun();

        Compilation edited = ReplaceClient(compilation, Client.Replace("MaxRetries = 4", "MaxRetries = 5"));
        GeneratorRun second = GeneratorRun.RunOn(driver, edited);

        var reasons = TrackedReasons(second).ToList();
        Assert.Contains(reasons, r => r.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("MaxRetries = 5", second.GeneratedSources.Single(s => s.HintName.StartsWith("Shop.InventoryClient", StringComparison.Ordinal)).SourceText.ToString());

        // The other type's file was not touched.
        Assert.Contains(second.Result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => o.Reason == IncrementalStepRunReason.Cached);
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = GeneratorRun.Compile(new[] { Client, Other });
        GeneratorRun first = GeneratorRun.Of(compilation).AssertCleanBuild();
        Assert.Equal(2, first.GeneratedSources.Length);
        return (first.Driver, compilation);
    }

    private static Compilation ReplaceClient(Compilation compilation, string newText)
    {
        SyntaxTree old = compilation.SyntaxTrees.First();
        return compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText)));
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> TrackedReasons(GeneratorRun run)
    {
        GeneratorRunResult result = run.Result.Results.Single();
        foreach (string name in TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), "step " + name + " did not run");
            foreach (IncrementalGeneratorRunStep step in steps)
            {
                foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                {
                    yield return (name, reason);
                }
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value))
        {
            foreach ((object _, IncrementalStepRunReason reason) in output.Outputs)
            {
                yield return ("output", reason);
            }
        }
    }

    private static void AssertEveryStep(GeneratorRun run, IncrementalStepRunReason[] allowed)
    {
        var reasons = TrackedReasons(run).ToList();
        Assert.NotEmpty(reasons);
        var offending = reasons.Where(r => !allowed.Contains(r.Reason)).ToList();
        Assert.True(offending.Count == 0, "Steps not cached: " + string.Join(", ", offending.Select(r => r.Step + "=" + r.Reason)));
    }
}
