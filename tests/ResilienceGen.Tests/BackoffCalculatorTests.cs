using ResilienceGen.Internal;

namespace ResilienceGen.Tests;

/// <summary>The pure delay formula, with the random sample pinned.</summary>
public class BackoffCalculatorTests
{
    private static RetrySettings Settings(BackoffKind kind, int baseMs = 100, int maxMs = 60_000, double factor = 2.0, bool jitter = false, double jitterFactor = 0.2)
        => new(new RetryOptions { Backoff = kind, BaseDelayMs = baseMs, MaxDelayMs = maxMs, BackoffFactor = factor, Jitter = jitter, JitterFactor = jitterFactor });

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 100)]
    [InlineData(5, 100)]
    public void Constant_is_the_base_delay(int retry, double expected)
        => Assert.Equal(expected, BackoffCalculator.DelayMs(Settings(BackoffKind.Constant), retry, 0, 0.9));

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(5, 500)]
    public void Linear_is_base_times_n(int retry, double expected)
        => Assert.Equal(expected, BackoffCalculator.DelayMs(Settings(BackoffKind.Linear), retry, 0, 0.9));

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 800)]
    public void Exponential_is_base_times_factor_to_the_n_minus_1(int retry, double expected)
        => Assert.Equal(expected, BackoffCalculator.DelayMs(Settings(BackoffKind.Exponential), retry, 0, 0.9));

    [Fact]
    public void BackoffFactor_sets_the_exponential_growth()
    {
        RetrySettings settings = Settings(BackoffKind.Exponential, factor: 3.0);
        Assert.Equal(900, BackoffCalculator.DelayMs(settings, 3, 0, 0.5), precision: 9);
    }

    [Fact]
    public void Every_kind_is_capped_at_MaxDelayMs()
    {
        foreach (BackoffKind kind in Enum.GetValues<BackoffKind>())
        {
            RetrySettings settings = Settings(kind, baseMs: 1000, maxMs: 1500);
            for (int retry = 1; retry <= 40; retry++)
            {
                double delay = BackoffCalculator.DelayMs(settings, retry, 1500, 0.999);
                Assert.InRange(delay, 0, 1500);
            }
        }
    }

    [Fact]
    public void Huge_exponents_do_not_overflow_past_the_cap()
    {
        Assert.Equal(60_000, BackoffCalculator.DelayMs(Settings(BackoffKind.Exponential, factor: 10), 1000, 0, 0.5));
    }

    [Theory]
    [InlineData(0.0, 80)]
    [InlineData(0.5, 100)]
    [InlineData(1.0, 120)]
    public void Jitter_spreads_the_delay_within_plus_minus_JitterFactor(double random, double expected)
    {
        RetrySettings settings = Settings(BackoffKind.Constant, jitter: true, jitterFactor: 0.2);
        Assert.Equal(expected, BackoffCalculator.DelayMs(settings, 1, 0, random), precision: 9);
    }

    [Fact]
    public void Jitter_false_ignores_the_random_sample()
    {
        RetrySettings settings = Settings(BackoffKind.Constant, jitter: false, jitterFactor: 0.5);
        Assert.Equal(100, BackoffCalculator.DelayMs(settings, 1, 0, 0.0));
        Assert.Equal(100, BackoffCalculator.DelayMs(settings, 1, 0, 0.99));
    }

    [Fact]
    public void The_cap_applies_after_jitter()
    {
        RetrySettings settings = Settings(BackoffKind.Constant, baseMs: 1000, maxMs: 1000, jitter: true, jitterFactor: 1.0);
        Assert.Equal(1000, BackoffCalculator.DelayMs(settings, 1, 0, 0.99));
        Assert.Equal(0, BackoffCalculator.DelayMs(settings, 1, 0, 0.0));
    }

    [Fact]
    public void DecorrelatedJitter_is_uniform_between_base_and_three_times_the_previous_delay()
    {
        RetrySettings settings = Settings(BackoffKind.DecorrelatedJitter, baseMs: 100, maxMs: 10_000);
        // First retry: previous delay counts as base, so the range is [100, 300].
        Assert.Equal(100, BackoffCalculator.DelayMs(settings, 1, 0, 0.0), precision: 9);
        Assert.Equal(200, BackoffCalculator.DelayMs(settings, 1, 0, 0.5), precision: 9);
        // Later retries: [base, 3 × previous] = [100, 1200] for a previous delay of 400.
        Assert.Equal(650, BackoffCalculator.DelayMs(settings, 3, 400, 0.5), precision: 9);
        // Capped: 3 × 5000 > 10000, so the range is [100, 10000].
        Assert.Equal(10_000, BackoffCalculator.DelayMs(settings, 4, 5000, 1.0), precision: 9);
    }
}
