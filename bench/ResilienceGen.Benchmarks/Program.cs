using BenchmarkDotNet.Running;

namespace ResilienceGen.Benchmarks;

/// <summary>
/// Entry point. Everything: <c>dotnet run -c Release --project bench/ResilienceGen.Benchmarks -- --filter '*'</c>;
/// a quick pass: add <c>--job short</c>. See docs/benchmarks.md.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
