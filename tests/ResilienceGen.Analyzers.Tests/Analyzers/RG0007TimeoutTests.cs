using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

/// <summary>RG0007 for [WithTimeout] and the breaker's SlowCallDurationMs (the other ranges are in RG0007Tests).</summary>
public class RG0007TimeoutTests
{
    private static string Declaration(string attribute) => InClient($$"""
        {{attribute}}
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """);

    [Theory]
    [InlineData("[WithTimeout({|#0:AttemptMs = -1|})]", "AttemptMs", "-1", "of 0 or more (0 sets no attempt limit)")]
    [InlineData("[WithTimeout(AttemptMs = 100, {|#0:TotalMs = -1|})]", "TotalMs", "-1", "of 0 or more (0 sets no total limit)")]
    [InlineData("[WithTimeout({|#0:AttemptMs = 2000|}, TotalMs = 1000)]", "AttemptMs", "2000", "from 1 to TotalMs (1000): an attempt cannot outlast the whole call")]
    [InlineData("[WithTimeout(AttemptMs = 0, {|#0:TotalMs = 0|})]", "TotalMs", "0", "above 0 for AttemptMs or TotalMs (or both): with neither, [WithTimeout] sets no limit")]
    [InlineData("[WithTimeout({|#0:AttemptMs = 0|})]", "AttemptMs", "0", "above 0 for AttemptMs or TotalMs (or both): with neither, [WithTimeout] sets no limit")]
    public Task Raised_on_the_timeout_argument_with_its_range(string attribute, string property, string value, string range)
        => VerifyAnalyzerAsync(Declaration(attribute), Diagnostic("RG0007").WithLocation(0).WithArguments(property, value, "WithTimeout", range));

    [Fact]
    public Task Raised_on_the_attribute_when_it_sets_no_limit_at_all()
        => VerifyAnalyzerAsync(Declaration("[{|#0:WithTimeout|}]"), Diagnostic("RG0007").WithLocation(0)
            .WithArguments("AttemptMs", "0", "WithTimeout", "above 0 for AttemptMs or TotalMs (or both): with neither, [WithTimeout] sets no limit"));

    [Fact]
    public Task Raised_for_a_negative_slow_call_duration()
        => VerifyAnalyzerAsync(Declaration("[CircuitBreaker({|#0:SlowCallDurationMs = -1|})]"), Diagnostic("RG0007").WithLocation(0)
            .WithArguments("SlowCallDurationMs", "-1", "CircuitBreaker", "of 0 or more (0 does not count slow calls)"));

    [Theory]
    [InlineData("[WithTimeout(AttemptMs = 1)]")]
    [InlineData("[WithTimeout(TotalMs = 1)]")]
    [InlineData("[WithTimeout(AttemptMs = 1000, TotalMs = 1000)]")]
    [InlineData("[WithTimeout(AttemptMs = 999, TotalMs = 1000)]")]
    [InlineData("[WithTimeout(AttemptMs = 0, TotalMs = 5)]")]
    [InlineData("[CircuitBreaker(SlowCallDurationMs = 0)]")]
    [InlineData("[CircuitBreaker(SlowCallDurationMs = 1)]")]
    public Task Not_raised_at_the_edges_of_the_ranges(string attribute)
        => VerifyAnalyzerAsync(Declaration(attribute));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(Declaration("[WithTimeout({|RG0007:AttemptMs = 2000|}, TotalMs = 1000)]"));
}
