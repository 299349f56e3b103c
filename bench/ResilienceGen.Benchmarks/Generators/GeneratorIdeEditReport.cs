using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// <c>--generator-ide</c>: the IDE case. A driver that has already run over a 2,000-method project runs again after a
/// keystroke inside one method body (the first Core method of the middle type: <c>=> Task.FromResult(id +
/// region.Length + 1)</c>), as the IDE does after every edit. Printed: the median time of that run over alternating
/// rounds (ResilienceGen, then LoggerMessage after the same kind of edit in its corpus: an ordinary method body in the
/// middle type), and, from one run with step tracking, which of ResilienceGen's steps re-ran and why
/// (New / Modified / Unchanged / Cached). Each round edits back and forth between two bodies, so every timed run
/// follows a real change. Options: <c>--rounds N</c> (default 7), <c>--methods N</c> (default 2000),
/// <c>--shape TEXT</c> (default the first shape whose name contains <c>instance/logger/10 per type/3 attr</c>).
/// </summary>
internal static class GeneratorIdeEditReport
{
    public static void Run(string[] args, TextWriter output)
    {
        int rounds = GeneratorShapeRunner.IntOption(args, "--rounds", 7);
        int methods = GeneratorShapeRunner.IntOption(args, "--methods", 2000);
        string filter = GeneratorShapeRunner.StringOption(args, "--shape") ?? "instance/logger/10 per type/3 attr";
        CorpusShape shape = CorpusShape.All().First(s => s.Name.Contains(filter, StringComparison.Ordinal));
        int editedType = CorpusShape.TypeCount(methods, shape.MethodsPerType) / 2;

        var ours = new Editing(
            new GeneratorHarness(GeneratorPaths.ResilienceGen, shape.ResilienceGenFiles(methods)),
            CorpusShape.FileName("Client", editedType),
            version => shape.ResilienceGenType(editedType, methods, version));
        var theirs = new Editing(
            new GeneratorHarness(GeneratorPaths.LoggerMessage, shape.LoggerMessageFiles(methods)),
            CorpusShape.FileName("Log", editedType),
            version => shape.LoggerMessageType(editedType, methods, version));

        output.WriteLine($"# IDE case: {shape.Name}, {methods} methods, one method body edited; {rounds} alternating rounds after 2 warm-up; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        output.WriteLine();

        for (int i = 0; i < 2; i++)
        {
            ours.TimeNextEdit();
            theirs.TimeNextEdit();
        }

        var oursTimes = new List<double>();
        var theirsTimes = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                oursTimes.Add(ours.TimeNextEdit());
                theirsTimes.Add(theirs.TimeNextEdit());
            }
            else
            {
                theirsTimes.Add(theirs.TimeNextEdit());
                oursTimes.Add(ours.TimeNextEdit());
            }
        }

        output.WriteLine("| generator | run after a body edit (median ms) | range (ms) |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine($"| ResilienceGen | {GeneratorShapeRunner.Median(oursTimes):F1} | {oursTimes.Min():F1}–{oursTimes.Max():F1} |");
        output.WriteLine($"| LoggerMessage | {GeneratorShapeRunner.Median(theirsTimes):F1} | {theirsTimes.Min():F1}–{theirsTimes.Max():F1} |");
        output.WriteLine();

        output.WriteLine("ResilienceGen's steps in a tracked run after the edit (outputs per run reason):");
        GeneratorDriver tracked = ours.TrackedEdit();
        foreach (GeneratorRunResult result in tracked.GetRunResult().Results)
        {
            foreach (KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> step in result.TrackedSteps
                .Concat(result.TrackedOutputSteps)
                .OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                double milliseconds = step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds);
                string reasons = string.Join(
                    ", ",
                    step.Value.SelectMany(run => run.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
                output.WriteLine($"  {step.Key,-60} {milliseconds,8:F1} ms   {reasons}");
            }
        }
    }

    /// <summary>A driver kept across edits of one file, flipping its body between two versions.</summary>
    private sealed class Editing
    {
        private readonly GeneratorHarness _harness;
        private readonly Compilation[] _versions;
        private GeneratorDriver _driver;
        private int _next = 1;

        public Editing(GeneratorHarness harness, string fileName, Func<int, string> text)
        {
            _harness = harness;
            SyntaxTree original = harness.Compilation.SyntaxTrees.Single(t => t.FilePath == fileName);
            _versions =
            [
                harness.Compilation,
                harness.Compilation.ReplaceSyntaxTree(original, GeneratorHarness.Parse(fileName, text(1))),
            ];
            _driver = harness.NewDriver().RunGenerators(_versions[0].Clone());
        }

        public double TimeNextEdit()
        {
            Compilation edited = _versions[_next].Clone();
            _next = 1 - _next;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long start = Stopwatch.GetTimestamp();
            _driver = _driver.RunGenerators(edited);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        public GeneratorDriver TrackedEdit()
        {
            GeneratorDriver driver = _harness.NewDriver(trackSteps: true).RunGenerators(_versions[0].Clone());
            return driver.RunGenerators(_versions[1].Clone());
        }
    }
}
