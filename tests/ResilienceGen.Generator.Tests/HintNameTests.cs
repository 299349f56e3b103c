using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests;

/// <summary>One file per containing type, with names the compiler accepts and that never collide.</summary>
public sealed class HintNameTests
{
    [Fact]
    public void NestedTypesGenericsKeywordsAndNonAsciiNamesGetDistinctValidFileNames()
    {
        const string source = """
            using System.Threading.Tasks;
            using ResilienceGen;

            namespace A
            {
                public partial class B
                {
                    [WithRetry] public partial Task RunAsync();
                    private Task RunCoreAsync() => Task.CompletedTask;
                }
            }

            namespace A.D
            {
                public partial class C
                {
                    [WithRetry] public partial Task RunAsync();
                    private Task RunCoreAsync() => Task.CompletedTask;
                }
            }

            namespace A
            {
                public partial class B
                {
                    public partial class C
                    {
                        [WithRetry] public partial Task RunAsync();
                        private Task RunCoreAsync() => Task.CompletedTask;
                    }
                }

                public partial class B<T1, T2>
                {
                    [WithRetry] public partial Task RunAsync();
                    private Task RunCoreAsync() => Task.CompletedTask;
                }

                public partial class @class
                {
                    [WithRetry] public partial Task @return();
                    private Task @returnCore() => Task.CompletedTask;
                }

                public partial class Überprüfung
                {
                    [WithRetry] public partial Task PrüfenAsync();
                    private Task PrüfenCoreAsync() => Task.CompletedTask;
                }
            }
            """;

        GeneratorRun run = GeneratorRun.Of(source).AssertCleanBuild();

        Assert.Equal(
            new[]
            {
                "A.D.C.Resilience.g.cs",
                "A.B.Resilience.g.cs",
                "A.B+C.Resilience.g.cs",
                "A.B`2.Resilience.g.cs",
                "A.class.Resilience.g.cs",
                "A.Überprüfung.Resilience.g.cs",
            }.OrderBy(n => n, StringComparer.Ordinal),
            run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void TwoConflictingTypesOfOneNameDoNotFailTheGenerator()
    {
        const string source = """
            using System.Threading.Tasks;
            using ResilienceGen;

            namespace A
            {
                public partial class Twice
                {
                    [WithRetry] public partial Task RunAsync();
                    private Task RunCoreAsync() => Task.CompletedTask;
                }

                public partial struct Twice
                {
                    [WithRetry] public static partial Task RunStaticAsync();
                    private static Task RunStaticCoreAsync() => Task.CompletedTask;
                }
            }
            """;

        GeneratorRun run = GeneratorRun.Of(source);

        run.AssertGeneratorDidNotFail();
        Assert.Equal(2, run.GeneratedSources.Select(s => s.HintName).Distinct().Count());
    }
}
