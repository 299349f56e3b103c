using BenchmarkDotNet.Running;
using ResilienceGen.Benchmarks.Generators;

namespace ResilienceGen.Benchmarks;

/// <summary>
/// Entry point. Everything: <c>dotnet run -c Release --project bench/ResilienceGen.Benchmarks -- --filter '*'</c>;
/// a quick pass: add <c>--job short</c>; where the generators spend their time: <c>-- --generator-steps</c>;
/// ResilienceGen against LoggerMessage on every corpus shape, alternating: <c>-- --generator-shapes</c>;
/// the IDE case, a run after one method body changed: <c>-- --generator-ide</c>.
/// See docs/benchmarks.md.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--generator-steps"])
        {
            GeneratorStepReport.Run(Console.Out);
            return;
        }

        if (args is ["--generator-shapes", ..])
        {
            GeneratorShapeRunner.Run(args, Console.Out);
            return;
        }

        if (args is ["--generator-ide", ..])
        {
            GeneratorIdeEditReport.Run(args, Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
