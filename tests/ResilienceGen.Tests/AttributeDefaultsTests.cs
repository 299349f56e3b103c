namespace ResilienceGen.Tests;

/// <summary>Every row of API.md §2's two tables: the attribute and its options twin have the documented defaults.</summary>
public class AttributeDefaultsTests
{
    [Fact]
    public void WithRetry_defaults_match_the_attribute_table()
    {
        var attribute = new WithRetryAttribute();
        Assert.Equal(3, attribute.MaxRetries);
        Assert.Equal(1000, attribute.BaseDelayMs);
        Assert.Equal(60000, attribute.MaxDelayMs);
        Assert.Equal(BackoffKind.Exponential, attribute.Backoff);
        Assert.Equal(2.0, attribute.BackoffFactor);
        Assert.True(attribute.Jitter);
        Assert.Equal(0.2, attribute.JitterFactor);
        Assert.Null(attribute.Handle);
        Assert.Null(attribute.Ignore);
        Assert.Null(attribute.ShouldHandle);
    }

    [Fact]
    public void RetryOptions_defaults_equal_the_attribute_defaults()
    {
        var attribute = new WithRetryAttribute();
        var options = new RetryOptions();
        Assert.Equal(attribute.MaxRetries, options.MaxRetries);
        Assert.Equal(attribute.BaseDelayMs, options.BaseDelayMs);
        Assert.Equal(attribute.MaxDelayMs, options.MaxDelayMs);
        Assert.Equal(attribute.Backoff, options.Backoff);
        Assert.Equal(attribute.BackoffFactor, options.BackoffFactor);
        Assert.Equal(attribute.Jitter, options.Jitter);
        Assert.Equal(attribute.JitterFactor, options.JitterFactor);
    }

    [Fact]
    public void WithRetry_properties_are_settable_as_in_an_attribute_usage()
    {
        var attribute = new WithRetryAttribute
        {
            MaxRetries = 4, BaseDelayMs = 100, MaxDelayMs = 5000, Backoff = BackoffKind.Linear, BackoffFactor = 3,
            Jitter = false, JitterFactor = 0.5, Handle = [typeof(IOException)], Ignore = [typeof(FileNotFoundException)],
            ShouldHandle = "IsTransient",
        };
        Assert.Equal(4, attribute.MaxRetries);
        Assert.Equal(BackoffKind.Linear, attribute.Backoff);
        Assert.Equal([typeof(IOException)], attribute.Handle);
        Assert.Equal([typeof(FileNotFoundException)], attribute.Ignore);
        Assert.Equal("IsTransient", attribute.ShouldHandle);
    }

    [Fact]
    public void CircuitBreaker_defaults_match_the_attribute_table()
    {
        var attribute = new CircuitBreakerAttribute();
        Assert.Null(attribute.Name); // the generator writes Namespace.Type.Method
        Assert.Equal(5, attribute.FailureThreshold);
        Assert.Equal(30000, attribute.BreakDurationMs);
        Assert.Equal(1, attribute.HalfOpenMaxCalls);
        Assert.Equal(1, attribute.SuccessThreshold);
        Assert.Equal(0.0, attribute.FailureRatio);
        Assert.Equal(10, attribute.MinimumThroughput);
        Assert.Equal(30000, attribute.SamplingDurationMs);
        Assert.Null(attribute.Handle);
        Assert.Null(attribute.Ignore);
        Assert.Null(attribute.ShouldHandle);
    }

    [Fact]
    public void CircuitBreaker_name_constructor_sets_Name()
    {
        Assert.Equal("inventory", new CircuitBreakerAttribute("inventory").Name);
    }

    [Fact]
    public void CircuitBreakerOptions_defaults_equal_the_attribute_defaults()
    {
        var attribute = new CircuitBreakerAttribute();
        var options = new CircuitBreakerOptions();
        Assert.Equal(attribute.Name, options.Name);
        Assert.Equal(attribute.FailureThreshold, options.FailureThreshold);
        Assert.Equal(attribute.BreakDurationMs, options.BreakDurationMs);
        Assert.Equal(attribute.HalfOpenMaxCalls, options.HalfOpenMaxCalls);
        Assert.Equal(attribute.SuccessThreshold, options.SuccessThreshold);
        Assert.Equal(attribute.FailureRatio, options.FailureRatio);
        Assert.Equal(attribute.MinimumThroughput, options.MinimumThroughput);
        Assert.Equal(attribute.SamplingDurationMs, options.SamplingDurationMs);
    }

    [Fact]
    public void Attributes_target_methods_only_once()
    {
        foreach (Type type in new[] { typeof(WithRetryAttribute), typeof(CircuitBreakerAttribute) })
        {
            var usage = (AttributeUsageAttribute)Attribute.GetCustomAttribute(type, typeof(AttributeUsageAttribute))!;
            Assert.Equal(AttributeTargets.Method, usage.ValidOn);
            Assert.False(usage.AllowMultiple);
        }
    }

    [Fact]
    public void CircuitState_has_the_four_documented_states()
    {
        Assert.Equal(
            ["Closed", "Open", "HalfOpen", "Isolated"],
            Enum.GetNames<CircuitState>());
    }

    [Fact]
    public void BackoffKind_has_the_four_documented_kinds()
    {
        Assert.Equal(
            ["Constant", "Linear", "Exponential", "DecorrelatedJitter"],
            Enum.GetNames<BackoffKind>());
    }

    [Theory]
    [InlineData(nameof(RetryOptions.MaxRetries))]
    [InlineData(nameof(RetryOptions.BaseDelayMs))]
    [InlineData(nameof(RetryOptions.MaxDelayMs))]
    [InlineData(nameof(RetryOptions.BackoffFactor))]
    [InlineData(nameof(RetryOptions.JitterFactor))]
    public void Out_of_range_retry_options_are_refused_by_name(string property)
    {
        var options = new RetryOptions();
        switch (property)
        {
            case nameof(RetryOptions.MaxRetries): options.MaxRetries = -1; break;
            case nameof(RetryOptions.BaseDelayMs): options.BaseDelayMs = -1; break;
            case nameof(RetryOptions.MaxDelayMs): options.MaxDelayMs = -1; break;
            case nameof(RetryOptions.BackoffFactor): options.BackoffFactor = 0.5; break;
            case nameof(RetryOptions.JitterFactor): options.JitterFactor = 1.5; break;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Internal.ResilientMethod("N.T.M", options, null));
        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public void The_runtime_ranges_are_the_analyzers_RG0007_ranges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Internal.ResilientMethod("N.T.M", new RetryOptions { MaxRetries = 101 }, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Internal.ResilientMethod("N.T.M", new RetryOptions { BaseDelayMs = 500, MaxDelayMs = 499 }, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Internal.ResilientMethod("N.T.M", null, new CircuitBreakerOptions { BreakDurationMs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Internal.ResilientMethod("N.T.M", null, new CircuitBreakerOptions { Name = "" }));
        _ = new Internal.ResilientMethod("N.T.M", new RetryOptions { MaxRetries = 100, BaseDelayMs = 0, MaxDelayMs = 0 }, new CircuitBreakerOptions { BreakDurationMs = 1 });
    }

    [Theory]
    [InlineData(nameof(CircuitBreakerOptions.FailureThreshold))]
    [InlineData(nameof(CircuitBreakerOptions.BreakDurationMs))]
    [InlineData(nameof(CircuitBreakerOptions.HalfOpenMaxCalls))]
    [InlineData(nameof(CircuitBreakerOptions.SuccessThreshold))]
    [InlineData(nameof(CircuitBreakerOptions.FailureRatio))]
    [InlineData(nameof(CircuitBreakerOptions.MinimumThroughput))]
    [InlineData(nameof(CircuitBreakerOptions.SamplingDurationMs))]
    [InlineData(nameof(CircuitBreakerOptions.SlowCallDurationMs))]
    public void Out_of_range_breaker_options_are_refused_by_name(string property)
    {
        var options = new CircuitBreakerOptions();
        switch (property)
        {
            case nameof(CircuitBreakerOptions.FailureThreshold): options.FailureThreshold = 0; break;
            case nameof(CircuitBreakerOptions.BreakDurationMs): options.BreakDurationMs = -1; break;
            case nameof(CircuitBreakerOptions.HalfOpenMaxCalls): options.HalfOpenMaxCalls = 0; break;
            case nameof(CircuitBreakerOptions.SuccessThreshold): options.SuccessThreshold = 0; break;
            case nameof(CircuitBreakerOptions.FailureRatio): options.FailureRatio = 1.01; break;
            case nameof(CircuitBreakerOptions.MinimumThroughput): options.MinimumThroughput = 0; break;
            case nameof(CircuitBreakerOptions.SamplingDurationMs): options.SamplingDurationMs = 0; break;
            case nameof(CircuitBreakerOptions.SlowCallDurationMs): options.SlowCallDurationMs = -1; break;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Internal.ResilientMethod("N.T.M", null, options));
        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public void WithTimeout_and_TimeoutOptions_default_to_no_limit()
    {
        var attribute = new WithTimeoutAttribute();
        var options = new TimeoutOptions();

        Assert.Equal(0, attribute.AttemptMs);
        Assert.Equal(0, attribute.TotalMs);
        Assert.Equal(attribute.AttemptMs, options.AttemptMs);
        Assert.Equal(attribute.TotalMs, options.TotalMs);
        Assert.Equal(0, new CircuitBreakerAttribute().SlowCallDurationMs);
    }

    [Theory]
    [InlineData(-1, 0, nameof(TimeoutOptions.AttemptMs))]
    [InlineData(0, -1, nameof(TimeoutOptions.TotalMs))]
    [InlineData(2_000, 1_000, nameof(TimeoutOptions.AttemptMs))]
    public void Out_of_range_timeout_options_are_refused_by_name(int attemptMs, int totalMs, string property)
    {
        var options = new TimeoutOptions { AttemptMs = attemptMs, TotalMs = totalMs };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Internal.ResilientMethod("N.T.M", null, null, timeout: options));
        Assert.Equal(property, error.ParamName);
    }
}
