using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

/// <summary>RG0007 for the retry budget's values (API.md §6.3): BudgetPercent 0..1000, BudgetMinPerSecond 0..1,000,000, Budget not blank.</summary>
public class RG0007BudgetTests
{
    private static string Declaration(string attribute) => InClient($$"""
        {{attribute}}
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """);

    [Theory]
    [InlineData("[WithRetry({|#0:BudgetPercent = -0.5|})]", "BudgetPercent", "-0.5", "from 0 to 1000 (0 means no budget)")]
    [InlineData("[WithRetry({|#0:BudgetPercent = 1000.5|})]", "BudgetPercent", "1000.5", "from 0 to 1000 (0 means no budget)")]
    [InlineData("[WithRetry({|#0:BudgetPercent = double.NaN|})]", "BudgetPercent", "NaN", "from 0 to 1000 (0 means no budget)")]
    [InlineData("[WithRetry({|#0:BudgetPercent = double.PositiveInfinity|})]", "BudgetPercent", "Infinity", "from 0 to 1000 (0 means no budget)")]
    [InlineData("[WithRetry(BudgetPercent = 20, {|#0:BudgetMinPerSecond = -1|})]", "BudgetMinPerSecond", "-1", "from 0 to 1000000")]
    [InlineData("[WithRetry(BudgetPercent = 20, {|#0:BudgetMinPerSecond = 1000001|})]", "BudgetMinPerSecond", "1000001", "from 0 to 1000000")]
    [InlineData("[WithRetry(BudgetPercent = 20, {|#0:Budget = \"\"|})]", "Budget", "\"\"", "that is not empty or blank (leave it out for the default Namespace.Type.Method)")]
    [InlineData("[WithRetry(BudgetPercent = 20, {|#0:Budget = \"  \"|})]", "Budget", "\"  \"", "that is not empty or blank (leave it out for the default Namespace.Type.Method)")]
    public Task Raised_on_the_argument_with_its_range(string attribute, string property, string value, string range)
        => VerifyAnalyzerAsync(Declaration(attribute), Diagnostic("RG0007").WithLocation(0).WithArguments(property, value, "WithRetry", range));

    [Theory]
    [InlineData("[WithRetry(BudgetPercent = 0)]")]
    [InlineData("[WithRetry(BudgetPercent = 1000, BudgetMinPerSecond = 1000000)]")]
    [InlineData("[WithRetry(BudgetPercent = 0.001, BudgetMinPerSecond = 0, Budget = \"b\")]")]
    [InlineData("[WithRetry(BudgetPercent = 20, Budget = \" shared \")]")]
    public Task Not_raised_at_the_edges_of_the_ranges(string attribute)
        => VerifyAnalyzerAsync(Declaration(attribute));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(Declaration("[WithRetry({|RG0007:BudgetPercent = -1|})]"));
}
