using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResilienceGen.Hosting.Tests.Infrastructure;

namespace ResilienceGen.Hosting.Tests;

/// <summary>AddResilienceGenBreakers through the app's HealthCheckService, over breakers driven by generated wrappers.</summary>
public sealed class BreakerHealthCheckTests : ProcessWideStateTest
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ScriptedBody _first = new();
    private readonly ScriptedBody _second = new();
    private readonly BreakerTargets _targets;

    public BreakerHealthCheckTests()
    {
        Resilience.TimeProvider = _clock;
        _targets = new BreakerTargets(_first, _second);
    }

    [Fact]
    public async Task Healthy_then_Degraded_while_a_breaker_is_open_then_Healthy_once_it_closed()
    {
        using var services = Services(checks => checks.AddResilienceGenBreakers());
        await _targets.CallFirstAsync();
        await _targets.CallSecondAsync();

        var healthy = await CheckAsync(services);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("All 2 circuit breakers are closed.", healthy.Description);
        AssertData(healthy, (BreakerTargets.First, "Closed"), (BreakerTargets.Second, "Closed"));

        await OpenFirstAsync();
        var degraded = await CheckAsync(services);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal($"Not closed: {BreakerTargets.First} (Open).", degraded.Description);
        AssertData(degraded, (BreakerTargets.First, "Open"), (BreakerTargets.Second, "Closed"));

        // The break passes and a successful probe closes the breaker.
        _first.Failing = false;
        _clock.Advance(TimeSpan.FromMilliseconds(BreakerTargets.BreakDurationMs));
        await _targets.CallFirstAsync();
        var healthyAgain = await CheckAsync(services);
        Assert.Equal(HealthStatus.Healthy, healthyAgain.Status);
        AssertData(healthyAgain, (BreakerTargets.First, "Closed"), (BreakerTargets.Second, "Closed"));
    }

    [Fact]
    public async Task Degraded_while_a_probe_holds_the_breaker_half_open()
    {
        using var services = Services(checks => checks.AddResilienceGenBreakers());
        await OpenFirstAsync();
        _first.Failing = false;
        _clock.Advance(TimeSpan.FromMilliseconds(BreakerTargets.BreakDurationMs));
        _first.Hold();
        var probe = _targets.CallFirstAsync();

        var report = await CheckAsync(services);
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal($"Not closed: {BreakerTargets.First} (HalfOpen).", report.Description);
        AssertData(report, (BreakerTargets.First, "HalfOpen"));

        _first.Release();
        Assert.Equal(42, await probe);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(services)).Status);
    }

    [Fact]
    public async Task Unhealthy_when_a_breaker_is_isolated_and_the_description_names_every_breaker_not_closed()
    {
        using var services = Services(checks => checks.AddResilienceGenBreakers());
        await OpenFirstAsync();
        await _targets.CallSecondAsync();
        Resilience.Breakers[BreakerTargets.Second].Isolate();

        var report = await CheckAsync(services);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal($"Not closed: {BreakerTargets.First} (Open), {BreakerTargets.Second} (Isolated).", report.Description);
        AssertData(report, (BreakerTargets.First, "Open"), (BreakerTargets.Second, "Isolated"));
    }

    [Fact]
    public async Task Each_state_reports_the_status_the_options_give_it()
    {
        using var services = Services(checks => checks.AddResilienceGenBreakers(configure: options =>
        {
            options.OpenStatus = HealthStatus.Unhealthy;
            options.HalfOpenStatus = HealthStatus.Healthy;
            options.IsolatedStatus = HealthStatus.Degraded;
        }));
        await _targets.CallSecondAsync();
        Resilience.Breakers[BreakerTargets.Second].Isolate();
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(services)).Status);

        await OpenFirstAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(services)).Status);

        Resilience.Breakers[BreakerTargets.Second].Reset();
        _first.Failing = false;
        _clock.Advance(TimeSpan.FromMilliseconds(BreakerTargets.BreakDurationMs));
        _first.Hold();
        var probe = _targets.CallFirstAsync();
        var halfOpen = await CheckAsync(services);
        Assert.Equal(HealthStatus.Healthy, halfOpen.Status); // not Closed, so still named in the description
        Assert.Equal($"Not closed: {BreakerTargets.First} (HalfOpen).", halfOpen.Description);
        _first.Release();
        await probe;
    }

    [Fact]
    public async Task The_predicate_chooses_the_breakers_watched()
    {
        using var services = Services(checks => checks.AddResilienceGenBreakers(
            configure: options => options.Predicate = breaker => breaker.Name == BreakerTargets.Second));
        await OpenFirstAsync();
        await _targets.CallSecondAsync();

        var report = await CheckAsync(services);
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("The circuit breaker is closed.", report.Description);
        AssertData(report, (BreakerTargets.Second, "Closed"));
    }

    [Fact]
    public async Task With_no_breaker_yet_it_is_healthy_and_says_so()
    {
        using var services = Services(checks => checks.AddResilienceGenBreakers());

        var report = await CheckAsync(services);
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("No circuit breaker is watched yet.", report.Description);
        Assert.Empty(report.Data);
    }

    [Fact]
    public async Task Registered_under_its_name_with_its_tags_and_two_checks_keep_their_own_options()
    {
        using var services = Services(checks => checks
            .AddResilienceGenBreakers(tags: ["ready"])
            .AddResilienceGenBreakers("first-only", options => options.Predicate = b => b.Name == BreakerTargets.First, ["live", "breakers"]));

        var registrations = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.ToDictionary(r => r.Name);
        Assert.Equal(["ready"], registrations["resiliencegen"].Tags);
        Assert.Equal(["breakers", "live"], registrations["first-only"].Tags.Order());

        await OpenFirstAsync();
        await _targets.CallSecondAsync();
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal([BreakerTargets.First, BreakerTargets.Second], report.Entries["resiliencegen"].Data.Keys.Order());
        Assert.Equal([BreakerTargets.First], report.Entries["first-only"].Data.Keys);
    }

    private static ServiceProvider Services(Action<IHealthChecksBuilder> addChecks)
    {
        var services = new ServiceCollection().AddLogging();
        addChecks(services.AddHealthChecks());
        return services.BuildServiceProvider();
    }

    private static async Task<HealthReportEntry> CheckAsync(ServiceProvider services)
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return Assert.Single(report.Entries).Value;
    }

    private static void AssertData(HealthReportEntry entry, params (string Breaker, string State)[] expected)
        => Assert.Equal(
            expected.OrderBy(e => e.Breaker, StringComparer.Ordinal).Select(e => new KeyValuePair<string, object>(e.Breaker, e.State)),
            entry.Data.OrderBy(d => d.Key, StringComparer.Ordinal));

    private async Task OpenFirstAsync()
    {
        _first.Failing = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _targets.CallFirstAsync());
        Assert.Equal(CircuitState.Open, Resilience.Breakers[BreakerTargets.First].State);
    }
}
