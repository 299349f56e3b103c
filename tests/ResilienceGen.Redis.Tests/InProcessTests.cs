using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResilienceGen.Hosting;
using ResilienceGen.Redis.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ResilienceGen.Redis.Tests;

/// <summary>The options, the message format and the hosting builder, in this process (against the test's own Redis).</summary>
public sealed class InProcessTests(ITestOutputHelper output) : FleetTestBase(output)
{
    [Fact]
    public async Task CountFailuresFleetWide_joins_and_its_count_and_window_messages_round_trip()
    {
        await using ConnectionMultiplexer redis = await Redis.ConnectAsync();
        await using (BreakerFleet fleet = await BreakerFleet.JoinAsync(redis, new BreakerFleetOptions { Fleet = FleetName, CountFailuresFleetWide = true }))
        {
            Assert.True(fleet.IsReachable);
        }

        foreach (var (kind, ms, text) in new[] { (FleetMessageKind.Count, 7L, "rgf1|count|pod-1|7|dep"), (FleetMessageKind.Count, 0L, "rgf1|count|pod-1|0|dep"), (FleetMessageKind.Window, 0L, "rgf1|window|pod-1|0|dep") })
        {
            Assert.Equal(text, new FleetMessage(kind, "pod-1", ms, "dep").Format());
            Assert.True(FleetMessage.TryParse(text, out FleetMessage parsed, out _));
            Assert.Equal((kind, ms), (parsed.Kind, parsed.Milliseconds));
        }

        Assert.False(FleetMessage.TryParse("rgf1|count|pod-1|-1|dep", out _, out _));
    }

    [Theory]
    [InlineData("", "Fleet is required")]
    [InlineData("shop*", "may hold only")]
    [InlineData("shop fleet", "may hold only")]
    public async Task A_bad_fleet_name_is_rejected(string fleet, string message)
    {
        await using ConnectionMultiplexer redis = await Redis.ConnectAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => BreakerFleet.JoinAsync(redis, new BreakerFleetOptions { Fleet = fleet }));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 10)]
    public async Task Quorum_and_SyncIntervalMs_out_of_range_are_rejected(int quorum, int syncMs)
    {
        await using ConnectionMultiplexer redis = await Redis.ConnectAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            BreakerFleet.JoinAsync(redis, new BreakerFleetOptions { Fleet = FleetName, Quorum = quorum, SyncIntervalMs = syncMs }));
    }

    [Fact]
    public void A_message_round_trips_and_a_breaker_name_may_hold_the_separator()
    {
        var message = new FleetMessage(FleetMessageKind.Open, "pod-1", 4500, "dep/a|b");
        Assert.Equal("rgf1|open|pod-1|4500|dep/a|b", message.Format());
        Assert.True(FleetMessage.TryParse(message.Format(), out FleetMessage parsed, out _));
        Assert.Equal((FleetMessageKind.Open, "pod-1", 4500L, "dep/a|b"), (parsed.Kind, parsed.Instance, parsed.Milliseconds, parsed.Breaker));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rgf1|open|pod|5000")]
    [InlineData("rgf9|open|pod|5000|dep")]
    [InlineData("rgf1|OPEN|pod|5000|dep")]
    [InlineData("rgf1|open|pod|-5|dep")]
    [InlineData("rgf1|open|pod|0|dep")]
    [InlineData("rgf1|open|pod|99999999999999|dep")]
    [InlineData("rgf1|close|pod|0|")]
    public void Anything_but_a_valid_version_1_message_is_invalid(string? text)
        => Assert.False(FleetMessage.TryParse(text, out _, out _));

    [Theory]
    [InlineData("rgf1|open|pod", 100, "Open")]
    [InlineData("rgf1|open|pod", -1, "Invalid")]
    [InlineData("rgf1|isolated|pod", -1, "Isolated")]
    [InlineData("garbage", 100, "Invalid")]
    [InlineData("rgf1|half|pod", 100, "Invalid")]
    [InlineData(null, -2, "Absent")]
    public void State_values_are_read_strictly(string? value, long ttl, string expected)
        => Assert.Equal(expected, FleetStateValue.Parse(value, ttl).ToString());

    [Fact]
    public async Task AddRedisBreakerFleet_joins_when_the_host_starts_shares_decisions_and_leaves_when_it_stops()
    {
        await using ConnectionMultiplexer redis = await Redis.ConnectAsync();
        var received = new BlockingCollection<string>();
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(FleetName + ":events"), (_, value) => received.Add(value!));

        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddResilienceGen().AddRedisBreakerFleet(o =>
        {
            o.Fleet = FleetName;
            o.InstanceId = "hosted-1";
        });
        using IHost host = builder.Build();
        BreakerFleetMembership membership = host.Services.GetRequiredService<BreakerFleetMembership>();
        Assert.Null(membership.Fleet);

        await host.StartAsync();
        Assert.Equal(FleetName, membership.Fleet?.Fleet);
        Assert.True(membership.Fleet!.IsReachable);
        CircuitBreaker breaker = Resilience.Breakers.GetOrAdd("hosted-" + FleetName, new CircuitBreakerOptions());
        breaker.Isolate();
        Assert.True(received.TryTake(out string? news, TimeSpan.FromSeconds(5)));
        Assert.Equal($"rgf1|isolate|hosted-1|0|hosted-{FleetName}", news);
        Assert.Equal("rgf1|isolated|hosted-1", (string?)await redis.GetDatabase().StringGetAsync(FleetName + ":state:hosted-" + FleetName));

        await host.StopAsync();
        Assert.Null(membership.Fleet);
        breaker.Reset(); // no member any more: nothing is published
        Assert.False(received.TryTake(out _, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void AddRedisBreakerFleet_checks_the_options_when_called()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddResilienceGen().AddRedisBreakerFleet(o => o.Fleet = ""));
    }
}
