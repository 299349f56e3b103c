using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;

namespace ResilienceGen.Analyzers.Tests.Robustness;

/// <summary>
/// Over 1,000 seeded random mutations of <see cref="MutationCorpus"/>: the analyzer never throws (no AD0001),
/// the generator never fails (no CS8785), never emits a throwing stub into a build without errors, and every code fix offered for a mutated source computes its change
/// without an exception. Failures name the seed and the source, so they replay exactly.
/// </summary>
public class MutationTests
{
    private const int Mutations = 1200;
    private const int BaseSeed = 20261122;

    private static readonly CodeFixProvider[] Fixers =
    {
        new MoveBodyToCoreMethodCodeFix(), new AddCoreMethodStubCodeFix(), new AddCancellationTokenCodeFix(), new MakeCoreMethodPrivateCodeFix(),
        new AddHookMethodCodeFix(),
    };

    [Fact]
    public async Task Mutated_sources_raise_no_analyzer_generator_or_code_fix_exception()
    {
        var failures = new ConcurrentQueue<string>();
        var idsSeen = new ConcurrentDictionary<string, int>();
        var fixesApplied = 0;

        // Two lanes: the machine has two cores; each lane owns its seeds, so the run is deterministic per seed.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(lane => Task.Run(async () =>
        {
            for (var i = lane; i < Mutations; i += 2)
            {
                var seed = BaseSeed + i;
                var source = new SourceMutator(seed).Mutate(MutationCorpus.Seeds[i % MutationCorpus.Seeds.Length]);
                var applied = await CheckAsync(seed, source, failures, idsSeen);
                Interlocked.Add(ref fixesApplied, applied);
            }
        })));

        Assert.True(failures.IsEmpty, $"{failures.Count} failures; first ones:{Environment.NewLine}{string.Join(Environment.NewLine + "=====" + Environment.NewLine, failures.Take(5))}");

        // Guard against a vacuous pass: the mutations must actually reach the rules and the fixes.
        Assert.True(fixesApplied >= 200, $"Only {fixesApplied} code fixes were exercised.");
        foreach (var id in new[] { "RG0001", "RG0002", "RG0003", "RG0004", "RG0005", "RG0007", "RG0008", "RG0011", "RG0012", "RG0013", "RG0014" })
        {
            Assert.True(idsSeen.ContainsKey(id), $"No mutated source raised {id}; seen: {string.Join(", ", idsSeen.Keys.Order())}");
        }
    }

    private static async Task<int> CheckAsync(int seed, string source, ConcurrentQueue<string> failures, ConcurrentDictionary<string, int> idsSeen)
    {
        using var workspace = new AdhocWorkspace();
        ProjectBuild result;
        try
        {
            result = await ProjectBuild.RunAsync(workspace, source);
        }
        catch (Exception exception)
        {
            failures.Enqueue(Report(seed, source, "analyzer run threw: " + exception));
            return 0;
        }

        foreach (var exception in result.AnalyzerExceptions)
        {
            failures.Enqueue(Report(seed, source, "analyzer exception: " + exception));
        }

        foreach (var diagnostic in result.Diagnostics.Where(d => d.Id is "AD0001" or "CS8785"))
        {
            failures.Enqueue(Report(seed, source, (diagnostic.Id == "AD0001" ? "analyzer" : "generator") + " failure: " + diagnostic));
        }

        // The generator and the analyzer share one validator: a throwing stub is only ever emitted where the build fails
        // anyway. A stub in a build without errors would throw at run time with nothing reported.
        var stubs = result.Compilation.SyntaxTrees.Count(t => t.ToString().Contains("ResilienceGen: RG", StringComparison.Ordinal)
            || t.ToString().Contains("ResilienceGen: CS", StringComparison.Ordinal));
        if (stubs > 0 && !result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            failures.Enqueue(Report(seed, source, "the generator emitted a throwing stub, but the build has no error"));
        }

        var applied = 0;
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Id.StartsWith("RG", StringComparison.Ordinal)))
        {
            idsSeen.TryAdd(diagnostic.Id, 0);
            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    foreach (var action in await result.ActionsAsync(fixer, diagnostic))
                    {
                        await ProjectBuild.ApplyAsync(action);
                        applied++;
                    }
                }
                catch (Exception exception)
                {
                    failures.Enqueue(Report(seed, source, $"{fixer.GetType().Name} threw on {diagnostic}: {exception}"));
                }
            }
        }

        return applied;
    }

    private static string Report(int seed, string source, string what)
        => $"seed {seed}: {what}{Environment.NewLine}{source}";
}
