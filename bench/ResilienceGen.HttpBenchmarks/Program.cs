using BenchmarkDotNet.Running;

namespace ResilienceGen.HttpBenchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/ResilienceGen.HttpBenchmarks -- --filter '*LoopbackGet*'</c>.
/// See docs/benchmarks.md (End to end).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
