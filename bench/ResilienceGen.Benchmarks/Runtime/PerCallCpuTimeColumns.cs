using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// The contention benchmark's normalisation, as columns, for a class with an int <c>Threads</c> parameter whose rows
/// report wall-clock time per call over all threads' calls. <b>CpuPerCall</b> = Mean × min(Threads, cores): the
/// CPU time one call took, with every core that could run a worker counted as busy. Without contention it stays level
/// as threads are added (2 threads on 2 cores halve the wall time per call; 4 threads on 2 cores cannot go below
/// that). <b>VsOneThread</b> = CpuPerCall / the same row's CpuPerCall with one thread: the target is ≤ 1.2.
/// Cores = <see cref="Environment.ProcessorCount"/> of the machine that summarises (the one that ran the run).
/// </summary>
internal sealed class PerCallCpuTimeConfig : ManualConfig
{
    public PerCallCpuTimeConfig() => AddColumn(new PerCallCpuTimeColumn(relativeToOneThread: false), new PerCallCpuTimeColumn(relativeToOneThread: true));
}

internal sealed class PerCallCpuTimeColumn(bool relativeToOneThread) : IColumn
{
    private const string ThreadsParameter = "Threads";

    public string Id => nameof(PerCallCpuTimeColumn) + (relativeToOneThread ? ".Relative" : ".Absolute");

    public string ColumnName => relativeToOneThread ? "VsOneThread" : "CpuPerCall";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => relativeToOneThread ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => relativeToOneThread ? UnitType.Dimensionless : UnitType.Time;

    public string Legend => relativeToOneThread
        ? "CpuPerCall / the same row's CpuPerCall with Threads = 1 (target: <= 1.2)"
        : "Mean x min(Threads, cores): CPU time per call, every core that ran a worker counted busy";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? cpu = CpuPerCallNs(summary, benchmarkCase);
        if (cpu is null)
        {
            return "NA";
        }

        if (!relativeToOneThread)
        {
            return cpu.Value.ToString("F2", style.CultureInfo) + " ns";
        }

        BenchmarkCase? single = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor == benchmarkCase.Descriptor
            && c.Job.DisplayInfo == benchmarkCase.Job.DisplayInfo
            && ThreadsOf(c) == 1);
        double? singleCpu = single is null ? null : CpuPerCallNs(summary, single);
        return singleCpu is > 0 ? (cpu.Value / singleCpu.Value).ToString("F2", style.CultureInfo) : "NA";
    }

    private static double? CpuPerCallNs(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        int? threads = ThreadsOf(benchmarkCase);
        return mean is null || threads is null ? null : mean.Value * Math.Min(threads.Value, Environment.ProcessorCount);
    }

    private static int? ThreadsOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters[ThreadsParameter] is int threads ? threads : null;

    public override string ToString() => ColumnName;
}
