using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Execution;

/// <summary>
/// Generated keyed methods (KeyBy) run against the real runtime: each key value has its own breaker, and a null
/// anywhere along the key chain is the empty key.
/// </summary>
public sealed class GeneratedKeyedRunsTests
{
    private static string Source(string name) => """
        using System;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Exec;

        public sealed record Tenant(string? Id);
        public sealed record Request(Tenant? Tenant);

        public partial class Keyed
        {
            public int Calls;

            [CircuitBreaker("NAME", KeyBy = "endpoint.Host", FailureThreshold = 2, BreakDurationMs = 60_000)]
            public partial Task<string> GetAsync(Uri endpoint, bool fail);

            [CircuitBreaker("NAME-tenants", KeyBy = "request.Tenant.Id", FailureThreshold = 1, BreakDurationMs = 60_000)]
            public partial Task SendAsync(Request? request);

            private Task<string> GetCoreAsync(Uri endpoint, bool fail)
            {
                Calls++;
                return fail ? Task.FromException<string>(new InvalidOperationException("down")) : Task.FromResult(endpoint.Host);
            }

            private Task SendCoreAsync(Request? request)
            {
                Calls++;
                return Task.FromException(new InvalidOperationException("down"));
            }
        }
        """.Replace("NAME", name);

    [Fact]
    public async Task EachHostHasItsOwnBreaker()
    {
        string name = "keyed-" + Guid.NewGuid().ToString("N");
        using LoadedConsumer consumer = LoadedConsumer.Load(GeneratorRun.Of(Source(name)));
        object keyed = consumer.Create("Exec.Keyed");
        var down = new Uri("https://down.example.com/stock");
        var up = new Uri("https://up.example.com/stock");

        await Assert.ThrowsAsync<InvalidOperationException>(() => LoadedConsumer.CallAsync(keyed, "GetAsync", down, true));
        await Assert.ThrowsAsync<InvalidOperationException>(() => LoadedConsumer.CallAsync(keyed, "GetAsync", down, true));
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => LoadedConsumer.CallAsync(keyed, "GetAsync", down, false));

        Assert.Equal(name + "/down.example.com", rejected.BreakerName);
        Assert.Equal("up.example.com", await LoadedConsumer.CallAsync(keyed, "GetAsync", up, false));
        Assert.Equal(3, LoadedConsumer.Field<int>(keyed, "Calls"));
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[name + "/up.example.com"].State);
        Assert.False(Resilience.Breakers.TryGet(name, out _));
    }

    [Fact]
    public async Task ANullAnywhereAlongTheChainIsTheEmptyKey()
    {
        string name = "keyed-" + Guid.NewGuid().ToString("N");
        using LoadedConsumer consumer = LoadedConsumer.Load(GeneratorRun.Of(Source(name)));
        object keyed = consumer.Create("Exec.Keyed");
        Type request = consumer.Type("Exec.Request");
        Type tenant = consumer.Type("Exec.Tenant");
        object noTenant = Activator.CreateInstance(request, [null])!;
        object noId = Activator.CreateInstance(request, [Activator.CreateInstance(tenant, [null])])!;

        await Assert.ThrowsAsync<InvalidOperationException>(() => LoadedConsumer.CallAsync(keyed, "SendAsync", noTenant)); // opens "<name>/"
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => LoadedConsumer.CallAsync(keyed, "SendAsync", noId));
        var rejectedNull = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => LoadedConsumer.CallAsync(keyed, "SendAsync", [null]));

        Assert.Equal(name + "-tenants/", rejected.BreakerName);
        Assert.Equal(name + "-tenants/", rejectedNull.BreakerName);
        Assert.Equal(1, LoadedConsumer.Field<int>(keyed, "Calls"));
    }
}
