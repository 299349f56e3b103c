using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Snapshots;

/// <summary>
/// A breaker per key (KeyBy): the key expression read null-safely along the chain, passed to the fast path, and the
/// key cap in the descriptor. Every case must also compile with no warning.
/// </summary>
public sealed class KeyedSnapshotTests
{
    [Fact]
    public void KeyedMethods()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ResilienceGen;

            namespace Keyed;

            public sealed record Tenant(string Id, int Region);
            public readonly record struct Shard(int Number, string? Zone);
            public sealed record Request(Tenant? Tenant, Shard Shard, Shard? Spare);

            public partial class Client
            {
                [CircuitBreaker("inventory", KeyBy = "endpoint.Host")]
                public partial Task<string> GetStockAsync(Uri endpoint, string sku, CancellationToken cancellationToken = default);

                [WithRetry(MaxRetries = 2)]
                [CircuitBreaker("tenants", KeyBy = "request.Tenant.Id", MaxKeys = 50)]
                public partial ValueTask SendAsync(Request request, CancellationToken cancellationToken);

                [CircuitBreaker("shards", KeyBy = "request.Shard.Zone")]
                public partial Task ZoneAsync(Request request);

                [CircuitBreaker("spares", KeyBy = "request.Spare.Number")]
                public partial Task SpareAsync(Request request);

                [CircuitBreaker(KeyBy = "event")]
                public partial Task<int> ByIdAsync(int @event);

                private Task<string> GetStockCoreAsync(Uri endpoint, string sku, CancellationToken cancellationToken) => Task.FromResult(sku);
                private ValueTask SendCoreAsync(Request request, CancellationToken cancellationToken) => default;
                private Task ZoneCoreAsync(Request request) => Task.CompletedTask;
                private Task SpareCoreAsync(Request request) => Task.CompletedTask;
                private Task<int> ByIdCoreAsync(int @event) => Task.FromResult(@event);
            }
            """).AssertCleanBuild();

        Snapshot.VerifyGenerated(run);
    }
}
