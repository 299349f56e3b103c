using Microsoft.Extensions.Logging.Abstractions;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary><see cref="Resilience"/> and <see cref="CircuitBreakerRegistry"/>.</summary>
public class RegistryTests : RuntimeTestBase
{
    [Fact]
    public void GetOrAdd_creates_once_and_the_first_settings_win()
    {
        string name = UniqueName("registry");
        CircuitBreaker first = Resilience.Breakers.GetOrAdd(name, new CircuitBreakerOptions { FailureThreshold = 2 });
        CircuitBreaker again = Resilience.Breakers.GetOrAdd(name, new CircuitBreakerOptions { FailureThreshold = 9 });
        Assert.Same(first, again);
        Assert.Equal(2, again.Settings.FailureThreshold);
    }

    [Fact]
    public void TryGet_finds_registered_breakers_only()
    {
        string name = UniqueName("registry");
        Assert.False(Resilience.Breakers.TryGet(name, out _));
        CircuitBreaker created = Resilience.Breakers.GetOrAdd(name, new CircuitBreakerOptions());
        Assert.True(Resilience.Breakers.TryGet(name, out CircuitBreaker found));
        Assert.Same(created, found);
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        Resilience.Breakers.GetOrAdd("Inventory", new CircuitBreakerOptions());
        Assert.False(Resilience.Breakers.TryGet("inventory", out _));
    }

    [Fact]
    public void Indexer_returns_the_breaker()
    {
        CircuitBreaker created = Resilience.Breakers.GetOrAdd("payments", new CircuitBreakerOptions());
        Assert.Same(created, Resilience.Breakers["payments"]);
    }

    [Fact]
    public void Indexer_throws_KeyNotFoundException_naming_the_known_breakers()
    {
        Resilience.Breakers.GetOrAdd("payments", new CircuitBreakerOptions());
        Resilience.Breakers.GetOrAdd("inventory", new CircuitBreakerOptions());
        var error = Assert.Throws<KeyNotFoundException>(() => Resilience.Breakers["shipping"]);
        Assert.Contains("'shipping'", error.Message);
        Assert.Contains("'inventory', 'payments'", error.Message);
    }

    [Fact]
    public void Indexer_on_an_empty_registry_says_there_are_none()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Resilience.Breakers["anything"]);
        Assert.Contains("none", error.Message);
    }

    [Fact]
    public void All_lists_every_breaker_by_name()
    {
        Resilience.Breakers.GetOrAdd("b", new CircuitBreakerOptions());
        Resilience.Breakers.GetOrAdd("a", new CircuitBreakerOptions());
        Assert.Equal(["a", "b"], Resilience.Breakers.All.Select(b => b.Name));
    }

    [Fact]
    public void ResetAll_closes_every_breaker()
    {
        CircuitBreaker a = Resilience.Breakers.GetOrAdd("a", new CircuitBreakerOptions());
        CircuitBreaker b = Resilience.Breakers.GetOrAdd("b", new CircuitBreakerOptions());
        a.Isolate();
        b.Isolate();
        Resilience.Breakers.ResetAll();
        Assert.Equal(CircuitState.Closed, a.State);
        Assert.Equal(CircuitState.Closed, b.State);
    }

    [Fact]
    public async Task ClearForTesting_forgets_breakers_and_methods_pick_up_a_fresh_one()
    {
        Internal.ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException())));
        CircuitBreaker old = Resilience.Breakers[method.BreakerName!];
        Assert.Equal(CircuitState.Open, old.State);

        Resilience.Breakers.ClearForTesting();
        Assert.Empty(Resilience.Breakers.All);
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
        Assert.NotSame(old, Resilience.Breakers[method.BreakerName!]);
    }

    [Fact]
    public void Defaults_are_the_null_logger_factory_and_the_system_clock()
    {
        Resilience.RestoreDefaultsForTesting();
        Assert.Same(NullLoggerFactory.Instance, Resilience.LoggerFactory);
        Assert.Same(TimeProvider.System, Resilience.TimeProvider);
    }

    [Fact]
    public void TimeProvider_and_LoggerFactory_refuse_null()
    {
        Assert.Throws<ArgumentNullException>(() => Resilience.TimeProvider = null!);
        Assert.Throws<ArgumentNullException>(() => Resilience.LoggerFactory = null!);
    }

    [Fact]
    public void Null_names_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => Resilience.Breakers[null!]);
        Assert.Throws<ArgumentNullException>(() => Resilience.Breakers.TryGet(null!, out _));
        Assert.Throws<ArgumentNullException>(() => Resilience.Breakers.GetOrAdd(null!, new CircuitBreakerOptions()));
    }
}
