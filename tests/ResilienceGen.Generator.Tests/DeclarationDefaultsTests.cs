using Microsoft.CodeAnalysis;
using ResilienceGen.Generator.Tests.Infrastructure;
using ResilienceGen.Validation;

namespace ResilienceGen.Generator.Tests;

/// <summary>
/// The generator writes every setting out, so what it fills in for a property the user left out must be what the
/// runtime's options default to: changing a default in the runtime cannot leave the generator writing the old one.
/// </summary>
public sealed class DeclarationDefaultsTests
{
    private const string Bare = """
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Shop;

        public partial class Client
        {
            [WithRetry]
            [CircuitBreaker]
            public partial Task PingAsync();

            private Task PingCoreAsync() => Task.CompletedTask;
        }
        """;

    [Fact]
    public void RetryDefaultsAreTheRuntimeOptionsDefaults()
    {
        RetryDeclaration retry = Assert.IsType<RetryDeclaration>(ReadBare().Retry);
        var runtime = new RetryOptions();

        Assert.Equal(runtime.MaxRetries, retry.MaxRetries.Value);
        Assert.Equal(runtime.BaseDelayMs, retry.BaseDelayMs.Value);
        Assert.Equal(runtime.MaxDelayMs, retry.MaxDelayMs.Value);
        Assert.Equal((int)runtime.Backoff, retry.Backoff.Value);
        Assert.Equal(runtime.Backoff.ToString(), retry.BackoffMember);
        Assert.Equal(runtime.BackoffFactor, retry.BackoffFactor.Value);
        Assert.Equal(runtime.Jitter, retry.Jitter.Value);
        Assert.Equal(runtime.JitterFactor, retry.JitterFactor.Value);
        Assert.False(retry.MaxRetries.IsWritten || retry.BaseDelayMs.IsWritten || retry.MaxDelayMs.IsWritten || retry.Backoff.IsWritten
            || retry.BackoffFactor.IsWritten || retry.Jitter.IsWritten || retry.JitterFactor.IsWritten);
    }

    [Fact]
    public void BudgetDefaultsAreTheRuntimeOptionsDefaults()
    {
        RetryDeclaration retry = Assert.IsType<RetryDeclaration>(ReadBare().Retry);
        var runtime = new RetryBudgetOptions();
        var attribute = new WithRetryAttribute();

        Assert.Equal(runtime.Percent, retry.BudgetPercent.Value);
        Assert.Equal(runtime.MinPerSecond, retry.BudgetMinPerSecond.Value);
        Assert.Equal(attribute.BudgetPercent, retry.BudgetPercent.Value);
        Assert.Equal(attribute.BudgetMinPerSecond, retry.BudgetMinPerSecond.Value);
        Assert.Null(attribute.Budget);
        Assert.False(retry.HasBudget);
        Assert.Null(retry.NamedBudget);
        Assert.Equal("Shop.Client.PingAsync", retry.BudgetName);
    }

    [Fact]
    public void BreakerDefaultsAreTheRuntimeOptionsDefaults()
    {
        BreakerDeclaration breaker = Assert.IsType<BreakerDeclaration>(ReadBare().Breaker);
        var runtime = new CircuitBreakerOptions();

        Assert.Equal(runtime.FailureThreshold, breaker.FailureThreshold.Value);
        Assert.Equal(runtime.BreakDurationMs, breaker.BreakDurationMs.Value);
        Assert.Equal(runtime.HalfOpenMaxCalls, breaker.HalfOpenMaxCalls.Value);
        Assert.Equal(runtime.SuccessThreshold, breaker.SuccessThreshold.Value);
        Assert.Equal(runtime.FailureRatio, breaker.FailureRatio.Value);
        Assert.Equal(runtime.MinimumThroughput, breaker.MinimumThroughput.Value);
        Assert.Equal(runtime.SamplingDurationMs, breaker.SamplingDurationMs.Value);
        Assert.Equal("Shop.Client.PingAsync", breaker.Name);
        Assert.Equal(runtime.SlowCallDurationMs, breaker.SlowCallDurationMs.Value);
    }

    [Fact]
    public void TimeoutDefaultsAreTheRuntimeOptionsDefaults()
    {
        ResilientDeclaration declaration = Read(Bare.Replace("[WithRetry]", "[WithTimeout]", StringComparison.Ordinal));
        TimeoutDeclaration timeout = Assert.IsType<TimeoutDeclaration>(declaration.Timeout);
        var runtime = new TimeoutOptions();

        Assert.Equal(runtime.AttemptMs, timeout.AttemptMs.Value);
        Assert.Equal(runtime.TotalMs, timeout.TotalMs.Value);
        Assert.False(timeout.AttemptMs.IsWritten || timeout.TotalMs.IsWritten);
        Assert.Null(declaration.Retry);
    }

    [Fact]
    public void TheEmittedOptionsCarryTheRuntimeDefaults()
    {
        string generated = GeneratorRun.Of(Bare).AssertCleanBuild().SingleFile();
        var retry = new RetryOptions();
        var breaker = new CircuitBreakerOptions();

        Assert.Contains("MaxRetries = " + retry.MaxRetries + ",", generated, StringComparison.Ordinal);
        Assert.Contains("MaxDelayMs = " + retry.MaxDelayMs + ",", generated, StringComparison.Ordinal);
        Assert.Contains("BackoffKind." + retry.Backoff + ",", generated, StringComparison.Ordinal);
        Assert.Contains("FailureThreshold = " + breaker.FailureThreshold + ",", generated, StringComparison.Ordinal);
        Assert.Contains("SamplingDurationMs = " + breaker.SamplingDurationMs + ",", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void WrittenValuesWinAndAreMarkedWritten()
    {
        ResilientDeclaration declaration = Read(Bare.Replace("[WithRetry]", "[WithRetry(MaxRetries = 7, Backoff = BackoffKind.Linear)]", StringComparison.Ordinal)
            .Replace("[CircuitBreaker]", "[CircuitBreaker(\"orders\", FailureRatio = 0.5)]", StringComparison.Ordinal));

        Assert.Equal(7, declaration.Retry!.MaxRetries.Value);
        Assert.True(declaration.Retry.MaxRetries.IsWritten);
        Assert.Equal("Linear", declaration.Retry.BackoffMember);
        Assert.Equal("orders", declaration.Breaker!.Name);
        Assert.Equal(0.5, declaration.Breaker.FailureRatio.Value);
        Assert.True(declaration.Breaker.FailureRatio.IsWritten);
    }

    private static ResilientDeclaration ReadBare() => Read(Bare);

    private static ResilientDeclaration Read(string source)
    {
        Compilation compilation = GeneratorRun.Compile(new[] { source });
        IMethodSymbol method = compilation.GetTypeByMetadataName("Shop.Client")!.GetMembers("PingAsync").OfType<IMethodSymbol>().Single();
        return Assert.IsType<ResilientDeclaration>(DeclarationReader.Read(method, KnownTypes.For(compilation)));
    }
}
