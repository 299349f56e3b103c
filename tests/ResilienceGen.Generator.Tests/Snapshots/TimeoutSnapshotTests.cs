using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Snapshots;

/// <summary>
/// The generated code of [WithTimeout] methods: the descriptor carries the timeouts, the fast path asks for the
/// attempt's token and hands it to the body in place of the caller's, and the body lambda takes it as a parameter.
/// Methods without [WithTimeout] are untouched (every other snapshot is unchanged). Each case compiles with no warning.
/// </summary>
public sealed class TimeoutSnapshotTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        """;

    private static void VerifyShape(string source, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        GeneratorRun run = GeneratorRun.Of(Usings + source).AssertCleanBuild();
        Snapshot.VerifyGenerated(run, test: test);
    }

    [Fact]
    public void AllThreeAttributes() => VerifyShape("""
        namespace Shop;

        public sealed record Stock(string Sku, int Quantity);

        public partial class InventoryClient
        {
            [WithTimeout(AttemptMs = 2_000, TotalMs = 10_000)]
            [WithRetry(MaxRetries = 3)]
            [CircuitBreaker("inventory", SlowCallDurationMs = 1_500)]
            public partial Task<Stock> GetStockAsync(string sku, CancellationToken cancellationToken = default);

            private Task<Stock> GetStockCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(new Stock(sku, 1));
        }
        """);

    [Fact]
    public void TimeoutAloneInEveryReturnKindAndTokenPosition() => VerifyShape("""
        namespace Shapes;

        public partial class Timed
        {
            [WithTimeout(AttemptMs = 500)]
            public partial Task RunAsync(CancellationToken cancellationToken);

            [WithTimeout(TotalMs = 3_000)]
            public static partial ValueTask<int> CountAsync(CancellationToken token, string __token);

            [WithTimeout(AttemptMs = 100, TotalMs = 100)]
            public partial ValueTask PingAsync(int id, CancellationToken ct = default, params string[] tags);

            private Task RunCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private static ValueTask<int> CountCoreAsync(CancellationToken token, string __token) => new(__token.Length);
            private ValueTask PingCoreAsync(int id, CancellationToken ct, string[] tags) => default;
        }
        """);

    [Fact]
    public void FallbackGetsTheCallersTokenAndTheBreakerOnlyMethodItsTimeout() => VerifyShape("""
        namespace Shapes;

        public partial class Guarded
        {
            [WithTimeout(AttemptMs = 1_000)]
            [CircuitBreaker(FailureRatio = 0.5, SamplingDurationMs = 10_000, Fallback = nameof(LoadFallbackAsync))]
            public partial Task<string> LoadAsync(string key, CancellationToken cancellationToken = default);

            private Task<string> LoadCoreAsync(string key, CancellationToken cancellationToken) => Task.FromResult(key);
            private Task<string> LoadFallbackAsync(string key, CancellationToken cancellationToken, Exception exception) => Task.FromResult("");
        }
        """);
}
