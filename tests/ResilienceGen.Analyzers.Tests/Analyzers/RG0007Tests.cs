using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0007Tests
{
    private static string Declaration(string attribute) => InClient($$"""
        {{attribute}}
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """);

    [Theory]
    [InlineData("[WithRetry({|#0:MaxRetries = 101|})]", "MaxRetries", "101", "WithRetry", "from 0 to 100")]
    [InlineData("[WithRetry({|#0:MaxRetries = -1|})]", "MaxRetries", "-1", "WithRetry", "from 0 to 100")]
    [InlineData("[WithRetry({|#0:BaseDelayMs = -5|}, MaxDelayMs = 10)]", "BaseDelayMs", "-5", "WithRetry", "of 0 or more")]
    [InlineData("[WithRetry(BaseDelayMs = 500, {|#0:MaxDelayMs = 100|})]", "MaxDelayMs", "100", "WithRetry", "of at least BaseDelayMs (500)")]
    [InlineData("[WithRetry({|#0:BaseDelayMs = 90000|})]", "BaseDelayMs", "90000", "WithRetry", "from 0 to MaxDelayMs (60000, the default); or raise MaxDelayMs")]
    [InlineData("[WithRetry({|#0:BackoffFactor = 0.5|})]", "BackoffFactor", "0.5", "WithRetry", "of at least 1 (and finite)")]
    [InlineData("[WithRetry({|#0:BackoffFactor = double.NaN|})]", "BackoffFactor", "NaN", "WithRetry", "of at least 1 (and finite)")]
    [InlineData("[WithRetry({|#0:JitterFactor = 1.5|})]", "JitterFactor", "1.5", "WithRetry", "from 0 to 1")]
    [InlineData("[WithRetry({|#0:Backoff = (BackoffKind)9|})]", "Backoff", "9", "WithRetry", "that is a defined BackoffKind (Constant, Linear, Exponential, DecorrelatedJitter)")]
    [InlineData("[CircuitBreaker({|#0:FailureThreshold = 0|})]", "FailureThreshold", "0", "CircuitBreaker", "of 1 or more")]
    [InlineData("[CircuitBreaker({|#0:BreakDurationMs = 0|})]", "BreakDurationMs", "0", "CircuitBreaker", "of 1 or more")]
    [InlineData("[CircuitBreaker({|#0:HalfOpenMaxCalls = 0|})]", "HalfOpenMaxCalls", "0", "CircuitBreaker", "of 1 or more")]
    [InlineData("[CircuitBreaker({|#0:SuccessThreshold = 0|})]", "SuccessThreshold", "0", "CircuitBreaker", "of 1 or more")]
    [InlineData("[CircuitBreaker({|#0:FailureRatio = 1.01|})]", "FailureRatio", "1.01", "CircuitBreaker", "from 0 to 1 (0 counts consecutive failures instead)")]
    [InlineData("[CircuitBreaker({|#0:MinimumThroughput = 0|})]", "MinimumThroughput", "0", "CircuitBreaker", "of 1 or more")]
    [InlineData("[CircuitBreaker({|#0:SamplingDurationMs = -1|})]", "SamplingDurationMs", "-1", "CircuitBreaker", "of 1 or more")]
    [InlineData("[CircuitBreaker({|#0:\" \"|})]", "name", "\" \"", "CircuitBreaker", "that is not empty or blank (leave it out for the default Namespace.Type.Method)")]
    [InlineData("[CircuitBreaker({|#0:Name = \"\"|})]", "Name", "\"\"", "CircuitBreaker", "that is not empty or blank (leave it out for the default Namespace.Type.Method)")]
    public Task Raised_on_the_argument_with_its_range(string attribute, string property, string value, string attributeName, string range)
        => VerifyAnalyzerAsync(Declaration(attribute), Diagnostic("RG0007").WithLocation(0).WithArguments(property, value, attributeName, range));

    [Theory]
    [InlineData("[WithRetry(MaxRetries = 0, BaseDelayMs = 0, MaxDelayMs = 0, BackoffFactor = 1, JitterFactor = 0)]")]
    [InlineData("[WithRetry(MaxRetries = 100, BaseDelayMs = 60000, JitterFactor = 1, Backoff = BackoffKind.DecorrelatedJitter)]")]
    [InlineData("[WithRetry(BaseDelayMs = 90000, MaxDelayMs = 90000)]")]
    [InlineData("[CircuitBreaker(\"inventory\", FailureThreshold = 1, BreakDurationMs = 1, HalfOpenMaxCalls = 1, SuccessThreshold = 3)]")]
    [InlineData("[CircuitBreaker(FailureRatio = 1, MinimumThroughput = 1, SamplingDurationMs = 1)]")]
    [InlineData("[CircuitBreaker(FailureRatio = 0)]")]
    public Task Not_raised_at_the_edges_of_the_ranges(string attribute)
        => VerifyAnalyzerAsync(Declaration(attribute));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(Declaration("[WithRetry({|RG0007:MaxRetries = 101|})]"));
}
