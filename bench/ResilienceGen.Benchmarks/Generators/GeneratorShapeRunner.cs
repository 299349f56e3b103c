using System.Diagnostics;
using System.Globalization;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// <c>--generator-shapes</c>: ResilienceGen against the LoggerMessage generator on every <see cref="CorpusShape"/>,
/// at equal method counts, timed ALTERNATELY: each round runs both cold (a new driver over a fresh
/// <c>Compilation.Clone()</c>), in swapped order every other round, so a burst of load on a shared machine falls on
/// both rather than on one. Per shape: warm-up runs of both first (JIT, first-use caches), then the median of each
/// generator's times and the median of the per-round ratios (ours / theirs), with their range.
/// Options: <c>--rounds N</c> (default 7), <c>--warmup N</c> (default 2), <c>--methods N</c> (default 2000),
/// <c>--shape TEXT</c> (only shapes whose name contains TEXT, e.g. <c>static/logger/10</c>); <c>--no-compile-check</c>
/// skips compiling each corpus with its generated code (half a minute a shape on a loaded machine; for profiling
/// sessions only: the documented figures keep the check).
/// </summary>
internal static class GeneratorShapeRunner
{
    public static void Run(string[] args, TextWriter output)
    {
        int rounds = IntOption(args, "--rounds", 7);
        int warmup = IntOption(args, "--warmup", 2);
        int methods = IntOption(args, "--methods", 2000);
        string? filter = StringOption(args, "--shape");
        bool check = !args.Contains("--no-compile-check");

        output.WriteLine($"# Generator shapes: {methods} methods each, {warmup} warm-up + {rounds} alternating rounds, cold runs{(check ? string.Empty : ", compile check skipped")}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        output.WriteLine();
        output.WriteLine("| shape | ResilienceGen (median ms) | LoggerMessage (median ms) | ratio (median of rounds) | ratio range |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        var allRatios = new List<double>();
        foreach (CorpusShape shape in CorpusShape.All().Where(s => filter is null || s.Name.Contains(filter, StringComparison.Ordinal)))
        {
            var ours = new GeneratorHarness(GeneratorPaths.ResilienceGen, shape.ResilienceGenFiles(methods));
            var theirs = new GeneratorHarness(GeneratorPaths.LoggerMessage, shape.LoggerMessageFiles(methods));
            if (check)
            {
                ours.EnsureOutputCompiles();
                theirs.EnsureOutputCompiles();
            }
            else
            {
                ours.EnsureRanCleanly();
                theirs.EnsureRanCleanly();
            }

            for (int i = 0; i < warmup; i++)
            {
                Time(ours);
                Time(theirs);
            }

            var oursTimes = new List<double>();
            var theirsTimes = new List<double>();
            var ratios = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                double oursMs;
                double theirsMs;
                if (round % 2 == 0)
                {
                    oursMs = Time(ours);
                    theirsMs = Time(theirs);
                }
                else
                {
                    theirsMs = Time(theirs);
                    oursMs = Time(ours);
                }

                oursTimes.Add(oursMs);
                theirsTimes.Add(theirsMs);
                ratios.Add(oursMs / theirsMs);
            }

            allRatios.Add(Median(ratios));
            output.WriteLine(
                $"| {shape.Name} | {Median(oursTimes):F0} | {Median(theirsTimes):F0} | {Median(ratios):F2}x | {ratios.Min():F2}–{ratios.Max():F2}x |");
            output.Flush();
        }

        if (allRatios.Count > 1)
        {
            output.WriteLine();
            output.WriteLine($"Shapes: {allRatios.Count}; worst shape's median ratio {allRatios.Max():F2}x, best {allRatios.Min():F2}x.");
        }
    }

    /// <summary>One cold run, after a full collection so the last run's garbage is not charged to this one.</summary>
    private static double Time(GeneratorHarness harness)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long start = Stopwatch.GetTimestamp();
        harness.FirstRun();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length
            ? int.Parse(args[index + 1], CultureInfo.InvariantCulture)
            : fallback;
    }

    internal static string? StringOption(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
