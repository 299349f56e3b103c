using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

/// <summary>RG0019: methods naming one retry budget share it, so their budget settings must agree (like RG0010 for breakers).</summary>
public class RG0019Tests
{
    private const string Settings = "use the same BudgetPercent and BudgetMinPerSecond everywhere, or different Budget names";

    private static string TwoMethods(string first, string second) => InClient($$"""
        {{first}}
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        {{second}}
        public partial Task PutAsync(CancellationToken cancellationToken);
        private Task PutCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """);

    [Fact]
    public Task Raised_on_each_method_of_a_shared_budget_with_a_different_percentage()
        => VerifyAnalyzerAsync(
            TwoMethods(
                "[WithRetry(BudgetPercent = 20, {|#0:Budget = \"inventory\"|})]",
                "[WithRetry(BudgetPercent = 10, {|#1:Budget = \"inventory\"|})]"),
            Diagnostic("RG0019").WithLocation(0)
                .WithArguments("inventory", "BudgetPercent = 20", "BudgetPercent = 10", "Demo.Client.PutAsync(System.Threading.CancellationToken)", Settings),
            Diagnostic("RG0019").WithLocation(1)
                .WithArguments("inventory", "BudgetPercent = 10", "BudgetPercent = 20", "Demo.Client.GetAsync(System.Threading.CancellationToken)", Settings));

    [Fact]
    public Task Raised_for_a_different_floor_against_the_default()
        => VerifyAnalyzerAsync(
            TwoMethods(
                "[WithRetry(BudgetPercent = 20, BudgetMinPerSecond = 2, {|#0:Budget = \"inventory\"|})]",
                "[WithRetry(BudgetPercent = 20, {|#1:Budget = \"inventory\"|})]"),
            Diagnostic("RG0019").WithLocation(0)
                .WithArguments("inventory", "BudgetMinPerSecond = 2", "BudgetMinPerSecond = 10", "Demo.Client.PutAsync(System.Threading.CancellationToken)", Settings),
            Diagnostic("RG0019").WithLocation(1)
                .WithArguments("inventory", "BudgetMinPerSecond = 10", "BudgetMinPerSecond = 2", "Demo.Client.GetAsync(System.Threading.CancellationToken)", Settings));

    [Fact]
    public async Task Raised_across_types_and_files()
    {
        var test = new ResilienceGenTest<EmptyCodeFixProvider>
        {
            TestState =
            {
                Sources =
                {
                    InNamespace("""
                        public partial class Orders
                        {
                            [WithRetry(BudgetPercent = 5, {|#0:Budget = "backend"|})]
                            public partial Task GetAsync(CancellationToken cancellationToken);
                            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                        }
                        """),
                    InNamespace("""
                        public partial class Payments
                        {
                            [WithRetry(BudgetPercent = 50, {|#1:Budget = "backend"|})]
                            public partial Task PayAsync(CancellationToken cancellationToken);
                            private Task PayCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                        }
                        """),
                },
                ExpectedDiagnostics =
                {
                    Diagnostic("RG0019").WithLocation(0)
                        .WithArguments("backend", "BudgetPercent = 5", "BudgetPercent = 50", "Demo.Payments.PayAsync(System.Threading.CancellationToken)", Settings),
                    Diagnostic("RG0019").WithLocation(1)
                        .WithArguments("backend", "BudgetPercent = 50", "BudgetPercent = 5", "Demo.Orders.GetAsync(System.Threading.CancellationToken)", Settings),
                },
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public Task Overloads_sharing_the_default_name_are_told_to_name_their_budgets()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry({|#0:BudgetPercent = 20|})]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            [WithRetry({|#1:BudgetPercent = 30|})]
            public partial Task GetAsync(int id, CancellationToken cancellationToken);
            private Task GetCoreAsync(int id, CancellationToken cancellationToken) => Task.CompletedTask;
            """),
            Diagnostic("RG0019").WithLocation(0)
                .WithArguments("Demo.Client.GetAsync", "BudgetPercent = 20", "BudgetPercent = 30", "Demo.Client.GetAsync(int, System.Threading.CancellationToken)", BudgetDeclarations.OverloadsAdvice),
            Diagnostic("RG0019").WithLocation(1)
                .WithArguments("Demo.Client.GetAsync", "BudgetPercent = 30", "BudgetPercent = 20", "Demo.Client.GetAsync(System.Threading.CancellationToken)", BudgetDeclarations.OverloadsAdvice));

    // Near misses: nothing to report.
    [Fact]
    public Task Not_raised_when_the_settings_agree_with_the_default_floor_spelled_out()
        => VerifyAnalyzerAsync(TwoMethods(
            "[WithRetry(BudgetPercent = 20, BudgetMinPerSecond = 10, Budget = \"inventory\")]",
            "[WithRetry(BudgetPercent = 20, Budget = \"inventory\")]"));

    [Fact]
    public Task Not_raised_for_different_budget_names()
        => VerifyAnalyzerAsync(TwoMethods(
            "[WithRetry(BudgetPercent = 20, Budget = \"a\")]",
            "[WithRetry(BudgetPercent = 10, Budget = \"b\")]"));

    [Fact]
    public Task Not_raised_when_only_the_retry_settings_differ()
        => VerifyAnalyzerAsync(TwoMethods(
            "[WithRetry(MaxRetries = 1, BudgetPercent = 20, Budget = \"inventory\")]",
            "[WithRetry(MaxRetries = 5, BaseDelayMs = 10, BudgetPercent = 20, Budget = \"inventory\")]"));

    [Fact]
    public Task Not_raised_when_one_method_has_no_budget_at_all()
        => VerifyAnalyzerAsync(TwoMethods(
            "[WithRetry(BudgetPercent = 20, Budget = \"inventory\")]",
            "[WithRetry(BudgetPercent = 0, BudgetMinPerSecond = 3, Budget = \"inventory\")]"));

    [Fact]
    public Task Not_raised_for_a_method_that_is_broken_otherwise()
        => VerifyAnalyzerAsync(TwoMethods(
            "[WithRetry(BudgetPercent = 20, Budget = \"inventory\")]",
            "[WithRetry(BudgetPercent = 10, Budget = \"inventory\", {|RG0007:MaxRetries = -1|})]"));
}
