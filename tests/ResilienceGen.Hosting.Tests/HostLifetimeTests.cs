using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ResilienceGen.Hosting.Tests.Infrastructure;

namespace ResilienceGen.Hosting.Tests;

/// <summary>AddResilienceGen in a real Generic Host: what the runtime uses between StartAsync and StopAsync.</summary>
public sealed class HostLifetimeTests : ProcessWideStateTest
{
    private const string AttemptsInstrument = "resiliencegen.attempts";

    [Fact]
    public async Task After_start_wrappers_log_through_the_apps_logging()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.Services.AddResilienceGen();
        using var host = builder.Build();
        var body = new ScriptedBody();
        var target = new RetryingTarget(body);

        await host.StartAsync();
        body.Failing = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => target.CallAsync());

        var retryLog = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Category == typeof(RetryingTarget).FullName);
        Assert.Equal(LogLevel.Warning, retryLog.Level);
        Assert.Contains("retrying", retryLog.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task After_start_metrics_reach_a_collector_of_the_apps_meter_factory()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddResilienceGen();
        using var host = builder.Build();
        var meterFactory = host.Services.GetRequiredService<IMeterFactory>();
        using var attempts = new MetricCollector<long>(meterFactory, "ResilienceGen", AttemptsInstrument);
        var target = new RetryingTarget(new ScriptedBody());

        // Before the start the runtime counts on a meter of its own, which this factory's collector does not see.
        await target.CallAsync();
        Assert.Empty(attempts.GetMeasurementSnapshot());

        await host.StartAsync();
        await target.CallAsync();
        var attempt = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal(1, attempt.Value);
        Assert.Equal("ResilienceGen.Hosting.Tests.Infrastructure.RetryingTarget.CallAsync", attempt.Tags["method"]);
        Assert.Equal(RetryingTarget.BreakerName, attempt.Tags["breaker"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_containers_time_provider_is_the_runtimes_clock_while_the_host_runs()
    {
        var clock = new FakeTimeProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddResilienceGen();
        using var host = builder.Build();

        await host.StartAsync();
        Assert.Same(clock, Resilience.TimeProvider);
        await host.StopAsync();
        Assert.Same(TimeProvider.System, Resilience.TimeProvider);
    }

    [Fact]
    public async Task Without_a_registered_time_provider_the_clock_stays_as_it_was()
    {
        var ownClock = new FakeTimeProvider();
        Resilience.TimeProvider = ownClock;
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddResilienceGen();
        using var host = builder.Build();

        await host.StartAsync();
        Assert.Same(ownClock, Resilience.TimeProvider);
        await host.StopAsync();
        Assert.Same(ownClock, Resilience.TimeProvider);
    }

    [Fact]
    public async Task After_stop_the_previous_values_are_back()
    {
        var previousLogging = LoggerFactory.Create(_ => { });
        var previousClock = new FakeTimeProvider();
        using var previousMeters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var previousMeterFactory = previousMeters.GetRequiredService<IMeterFactory>();
        Resilience.LoggerFactory = previousLogging;
        Resilience.TimeProvider = previousClock;
        Resilience.MeterFactory = previousMeterFactory;

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddResilienceGen();
        using var host = builder.Build();
        await host.StartAsync();
        Assert.Same(host.Services.GetRequiredService<ILoggerFactory>(), Resilience.LoggerFactory);
        Assert.Same(host.Services.GetRequiredService<TimeProvider>(), Resilience.TimeProvider);
        Assert.Same(host.Services.GetRequiredService<IMeterFactory>(), Resilience.MeterFactory);

        await host.StopAsync();
        Assert.Same(previousLogging, Resilience.LoggerFactory);
        Assert.Same(previousClock, Resilience.TimeProvider);
        Assert.Same(previousMeterFactory, Resilience.MeterFactory);
        previousLogging.Dispose();
    }

    [Fact]
    public async Task A_value_replaced_while_the_host_ran_is_left_alone_at_stop()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddResilienceGen();
        using var host = builder.Build();
        await host.StartAsync();
        var setMeanwhile = NullLoggerFactory.Instance;
        Resilience.LoggerFactory = setMeanwhile;

        await host.StopAsync();
        Assert.Same(setMeanwhile, Resilience.LoggerFactory);
        Assert.Null(Resilience.MeterFactory); // the meter factory was still the host's: it went back
    }

    [Fact]
    public async Task The_section_is_bound_at_start_and_a_reload_changes_a_breakers_threshold()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ResilienceGen:Breakers:{RetryingTarget.BreakerName}:FailureThreshold"] = "4",
        });
        builder.Services.AddResilienceGen(builder.Configuration.GetSection("ResilienceGen"));
        using var host = builder.Build();
        var body = new ScriptedBody { Failing = true };
        var target = new RetryingTarget(body);
        await host.StartAsync();

        // Each call is two failed attempts: threshold 4 (from the configuration, not the attribute's 5) opens
        // the breaker after the second call.
        await Assert.ThrowsAsync<InvalidOperationException>(() => target.CallAsync());
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[RetryingTarget.BreakerName].State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => target.CallAsync());
        Assert.Equal(CircuitState.Open, Resilience.Breakers[RetryingTarget.BreakerName].State);

        // Threshold 1 after a reload: the first failed attempt opens it, and the breaker rejects the retry.
        Resilience.Breakers[RetryingTarget.BreakerName].Reset();
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        configuration[$"ResilienceGen:Breakers:{RetryingTarget.BreakerName}:FailureThreshold"] = "1";
        configuration.Reload();
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => target.CallAsync());
        Assert.Equal(CircuitState.Open, Resilience.Breakers[RetryingTarget.BreakerName].State);
        Assert.Equal(5, body.Calls); // 2 + 2 + 1
        await host.StopAsync();
    }

    [Fact]
    public async Task After_stop_a_reload_no_longer_changes_anything()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ResilienceGen:Enabled"] = "true" });
        builder.Services.AddResilienceGen(builder.Configuration.GetSection("ResilienceGen"));
        using var host = builder.Build();
        await host.StartAsync();
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        configuration["ResilienceGen:Enabled"] = "false";
        configuration.Reload();
        Assert.False(Resilience.Enabled);

        await host.StopAsync();
        configuration["ResilienceGen:Enabled"] = "true";
        configuration.Reload();
        Assert.False(Resilience.Enabled); // the last applied value stays, as with a disposed binding
    }

    [Fact]
    public async Task A_configuration_that_is_not_a_section_is_read_at_its_ResilienceGen_child()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ResilienceGen:Enabled"] = "false" });
        builder.Services.AddResilienceGen(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        Assert.False(Resilience.Enabled);
        await host.StopAsync();
    }

    [Fact]
    public async Task Called_twice_it_binds_both_sections_and_lends_the_values_once()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["First:Breakers:one:Enabled"] = "false",
            ["Second:Breakers:two:Enabled"] = "false",
        });
        builder.Services.AddResilienceGen(builder.Configuration.GetSection("First"));
        builder.Services.AddResilienceGen(builder.Configuration.GetSection("Second"));
        using var host = builder.Build();
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Assembly == typeof(ResilienceGenBuilder).Assembly);

        await host.StartAsync();
        Assert.False(Resilience.Breakers.IsEnabled("one"));
        Assert.False(Resilience.Breakers.IsEnabled("two"));
        await host.StopAsync();
        Assert.Same(NullLoggerFactory.Instance, Resilience.LoggerFactory);
    }
}
