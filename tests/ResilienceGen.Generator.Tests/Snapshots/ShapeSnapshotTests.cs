using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Snapshots;

/// <summary>
/// The generated file for each shape of API.md §1, as snapshots; every case must also compile with no warning,
/// so a snapshot can never approve code that does not build.
/// </summary>
public sealed class ShapeSnapshotTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using ResilienceGen;

        """;

    private static void VerifyShape(string source, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        GeneratorRun run = GeneratorRun.Of(Usings + source).AssertCleanBuild();
        Snapshot.VerifyGenerated(run, test: test);
    }

    [Fact]
    public void ReadmeExample() => VerifyShape("""
        using System.Net.Http;
        using System.Net.Http.Json;

        namespace Shop;

        public sealed record Stock(string Sku, int Quantity);

        public partial class InventoryClient(HttpClient http, ILogger<InventoryClient> logger)
        {
            [WithRetry(MaxRetries = 4, BaseDelayMs = 100, Handle = [typeof(HttpRequestException)])]
            [CircuitBreaker("inventory", FailureThreshold = 5, BreakDurationMs = 30_000)]
            public partial Task<Stock> GetStockAsync(string sku, CancellationToken cancellationToken = default);

            private async Task<Stock> GetStockCoreAsync(string sku, CancellationToken cancellationToken)
                => (await http.GetFromJsonAsync<Stock>($"stock/{sku}", cancellationToken))!;
        }
        """);

    [Fact]
    public void AllFourReturnKinds() => VerifyShape("""
        namespace Shapes
        {
            public partial class Returns
            {
                [WithRetry] public partial Task RunAsync();
                [WithRetry] public partial Task<int> CountAsync();
                [WithRetry] public partial ValueTask PingAsync();
                [WithRetry] public partial ValueTask<string> NameAsync();

                private Task RunCoreAsync() => Task.CompletedTask;
                private Task<int> CountCoreAsync() => Task.FromResult(1);
                private ValueTask PingCoreAsync() => default;
                private ValueTask<string> NameCoreAsync() => new("x");
            }
        }
        """);

    [Fact]
    public void EverySettingWrittenOut() => VerifyShape("""
        namespace Shapes;

        public partial class Settings
        {
            [WithRetry(MaxRetries = 7, BaseDelayMs = 250, MaxDelayMs = 9000, Backoff = BackoffKind.DecorrelatedJitter,
                BackoffFactor = 1.5, Jitter = false, JitterFactor = 0.5)]
            [CircuitBreaker(Name = "custom \"quoted\" name", FailureThreshold = 3, BreakDurationMs = 1000, HalfOpenMaxCalls = 2,
                SuccessThreshold = 2, FailureRatio = 0.5, MinimumThroughput = 20, SamplingDurationMs = 5000)]
            public partial Task<int> SaveAsync(int value, CancellationToken cancellationToken);

            [WithRetry(Backoff = BackoffKind.Linear)]
            public partial Task LinearAsync();

            [WithRetry(Backoff = BackoffKind.Constant, BaseDelayMs = 50)]
            public partial Task ConstantAsync();

            private Task<int> SaveCoreAsync(int value, CancellationToken cancellationToken) => Task.FromResult(value);
            private Task LinearCoreAsync() => Task.CompletedTask;
            private Task ConstantCoreAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public void BreakerAloneGetsTheDefaultName() => VerifyShape("""
        namespace Shapes.Deep.Space;

        public partial class Orders
        {
            [CircuitBreaker]
            public partial Task<int> PlaceAsync(int id);

            [CircuitBreaker(FailureThreshold = 2)]
            public partial Task Cancel(int id);

            private Task<int> PlaceCoreAsync(int id) => Task.FromResult(id);
            private Task CancelCore(int id) => Task.CompletedTask;
        }
        """);

    [Fact]
    public void StaticMethodsOfAStaticClass() => VerifyShape("""
        namespace Shapes;

        public static partial class Downloader
        {
            private static readonly ILogger s_log = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

            [WithRetry(MaxRetries = 2)]
            public static partial Task<byte[]> FetchAsync(Uri uri, CancellationToken token);

            [WithRetry]
            internal static partial Task NothingAsync();

            private static Task<byte[]> FetchCoreAsync(Uri uri, CancellationToken token) => Task.FromResult(Array.Empty<byte>());
            private static Task NothingCoreAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public void GenericMethodsWithEveryConstraintKind() => VerifyShape("""
        namespace Shapes;

        public interface IEntity { int Id { get; } }
        public abstract class EntityBase : IEntity { public int Id { get; set; } }

        public partial class Repository
        {
            [WithRetry] public partial Task<T> ClassAsync<T>(T value) where T : class;
            [WithRetry] public partial Task<T?> NullableClassAsync<T>(T? value) where T : class?;
            [WithRetry] public partial Task<T> StructAsync<T>(T value) where T : struct;
            [WithRetry] public partial Task<T> UnmanagedAsync<T>(T value) where T : unmanaged;
            [WithRetry] public partial Task<TKey> NotNullAsync<TKey>(TKey key) where TKey : notnull;
            [WithRetry] public partial Task<T> NewAsync<T>() where T : new();
            [WithRetry] public partial Task<T> BaseAndInterfaceAsync<T, TOther>(T value, TOther other)
                where T : EntityBase, IEntity, new()
                where TOther : IEnumerable<T>;
            [WithRetry] public partial Task<T?> UnconstrainedAsync<T>(T? value);
            [WithRetry] public partial Task<TEnum> EnumAsync<TEnum>(TEnum value) where TEnum : struct, Enum;

            private Task<T> ClassCoreAsync<T>(T value) where T : class => Task.FromResult(value);
            private Task<T?> NullableClassCoreAsync<T>(T? value) where T : class? => Task.FromResult(value);
            private Task<T> StructCoreAsync<T>(T value) where T : struct => Task.FromResult(value);
            private Task<T> UnmanagedCoreAsync<T>(T value) where T : unmanaged => Task.FromResult(value);
            private Task<TKey> NotNullCoreAsync<TKey>(TKey key) where TKey : notnull => Task.FromResult(key);
            private Task<T> NewCoreAsync<T>() where T : new() => Task.FromResult(new T());
            private Task<T> BaseAndInterfaceCoreAsync<T, TOther>(T value, TOther other)
                where T : EntityBase, IEntity, new()
                where TOther : IEnumerable<T> => Task.FromResult(value);
            private Task<T?> UnconstrainedCoreAsync<T>(T? value) => Task.FromResult(value);
            private Task<TEnum> EnumCoreAsync<TEnum>(TEnum value) where TEnum : struct, Enum => Task.FromResult(value);
        }
        """);

    [Fact]
    public void OverrideKeepsItsConstraintClauseAsWritten() => VerifyShape("""
        namespace Shapes;

        public abstract class Store
        {
            public abstract Task<T?> FindAsync<T>(string key) where T : class;
            public virtual Task<T?> PeekAsync<T>(string key) => Task.FromResult(default(T));
        }

        public partial class CachedStore : Store
        {
            [WithRetry] public override partial Task<T?> FindAsync<T>(string key) where T : class;
            [WithRetry] public override partial Task<T?> PeekAsync<T>(string key) where T : default;

            private Task<T?> FindCoreAsync<T>(string key) where T : class => Task.FromResult<T?>(null);
            private Task<T?> PeekCoreAsync<T>(string key) => Task.FromResult(default(T));
        }
        """);

    [Fact]
    public void NestedGenericContainingTypes() => VerifyShape("""
        namespace Shapes;

        public partial class Outer<TOuter>
        {
            internal partial struct Middle
            {
                private sealed partial class Inner<TInner> where TInner : class
                {
                    [WithRetry]
                    public partial Task<TInner> GetAsync(TOuter key);

                    [CircuitBreaker]
                    public static partial Task<TOuter> EchoAsync(TOuter value);

                    private Task<TInner> GetCoreAsync(TOuter key) => Task.FromException<TInner>(new InvalidOperationException());
                    private static Task<TOuter> EchoCoreAsync(TOuter value) => Task.FromResult(value);
                }
            }
        }
        """);

    [Fact]
    public void SealedAbstractAndRecordTypes() => VerifyShape("""
        namespace Shapes;

        public sealed partial class Sealed
        {
            [WithRetry] public partial Task RunAsync();
            private Task RunCoreAsync() => Task.CompletedTask;
        }

        public abstract partial class Abstract
        {
            [WithRetry] protected partial Task RunAsync();
            private Task RunCoreAsync() => Task.CompletedTask;
        }

        public partial record Person(string Name)
        {
            [WithRetry] public partial Task<string> GreetAsync();
            private Task<string> GreetCoreAsync() => Task.FromResult(Name);
        }

        public readonly partial record struct Point(int X, int Y)
        {
            [WithRetry] public static partial Task<Point> OriginAsync();
            private static Task<Point> OriginCoreAsync() => Task.FromResult(new Point(0, 0));
        }

        public partial struct Counter
        {
            [CircuitBreaker] public static partial ValueTask<int> NextAsync(int seed);
            private static ValueTask<int> NextCoreAsync(int seed) => new(seed + 1);
        }
        """);

    [Fact]
    public void GlobalNamespace() => VerifyShape("""
        public partial class GlobalClient
        {
            [WithRetry] public partial Task<int> GetAsync();
            private Task<int> GetCoreAsync() => Task.FromResult(1);
        }
        """);

    [Fact]
    public void BlockNamespacesNested() => VerifyShape("""
        namespace Company
        {
            namespace Product.Feature
            {
                public partial class Client
                {
                    [WithRetry] public partial Task<int> GetAsync();
                    private Task<int> GetCoreAsync() => Task.FromResult(1);
                }
            }
        }
        """);

    [Fact]
    public void AccessibilitiesAndModifiers() => VerifyShape("""
        namespace Shapes;

        public class Base
        {
            public virtual Task OverriddenAsync() => Task.CompletedTask;
            public virtual Task SealedAsync() => Task.CompletedTask;
            public Task HiddenAsync() => Task.CompletedTask;
        }

        public unsafe partial class Derived : Base
        {
            [WithRetry] public override partial Task OverriddenAsync();
            [WithRetry] public sealed override partial Task SealedAsync();
            [WithRetry] public new partial Task HiddenAsync();
            [WithRetry] public virtual partial Task VirtualAsync();
            [WithRetry] internal partial Task InternalAsync();
            [WithRetry] protected internal partial Task ProtectedInternalAsync();
            [WithRetry] private protected partial Task PrivateProtectedAsync();
            [WithRetry] private partial Task PrivateAsync();
            [WithRetry] public unsafe partial Task<int> UnsafeAsync(int value);

            private Task OverriddenCoreAsync() => Task.CompletedTask;
            private Task SealedCoreAsync() => Task.CompletedTask;
            private Task HiddenCoreAsync() => Task.CompletedTask;
            private Task VirtualCoreAsync() => Task.CompletedTask;
            private Task InternalCoreAsync() => Task.CompletedTask;
            private Task ProtectedInternalCoreAsync() => Task.CompletedTask;
            private Task PrivateProtectedCoreAsync() => Task.CompletedTask;
            private Task PrivateCoreAsync() => PrivateAsync();
            private Task<int> UnsafeCoreAsync(int value) { int* p = &value; return Task.FromResult(*p); }
        }
        """);

    [Fact]
    public void ParamsDefaultsNullableAndKeywordNames() => VerifyShape("""
        namespace Shapes;

        public partial class Mailer
        {
            [WithRetry]
            public partial Task<string?> SendAsync(string? @event, int @class = 3, string subject = "hi", params string[] @params);

            [WithRetry]
            public partial Task<IReadOnlyList<string?>?> ListAsync(Dictionary<string, int?>? filter = null, (int Count, string? Name) paging = default);

            private Task<string?> SendCoreAsync(string? @event, int @class, string subject, string[] @params) => Task.FromResult(@event);
            private Task<IReadOnlyList<string?>?> ListCoreAsync(Dictionary<string, int?>? filter, (int Count, string? Name) paging)
                => Task.FromResult<IReadOnlyList<string?>?>(null);
        }
        """);

    [Fact]
    public void ParametersNamedLikeGeneratedInternals() => VerifyShape("""
        namespace Shapes;

        public partial class Collisions
        {
            private readonly ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

            [WithRetry(ShouldHandle = nameof(IsTransient))]
            public partial Task<int> RunAsync(int __s, string __e, object state, Func<int> body, ILogger logger, int method,
                CancellationToken cancellationToken, int __RunAsync_Resilience, int retryFilter, int breakerFilter, int global, int Item1);

            [WithRetry]
            public partial Task<__s> Generic__sAsync<__s, __e>(__s value, __e other);

            private bool IsTransient(Exception exception) => exception is TimeoutException;

            private Task<int> RunCoreAsync(int __s, string __e, object state, Func<int> body, ILogger logger, int method,
                CancellationToken cancellationToken, int __RunAsync_Resilience, int retryFilter, int breakerFilter, int global, int Item1)
                => Task.FromResult(__s + method + Item1);

            private Task<__s> Generic__sCoreAsync<__s, __e>(__s value, __e other) => Task.FromResult(value);
        }
        """);

    [Fact]
    public void CancellationTokenInAnyPositionOrNone() => VerifyShape("""
        namespace Shapes;

        public partial class Tokens
        {
            [WithRetry] public partial Task FirstAsync(CancellationToken ct, int a);
            [WithRetry] public partial Task MiddleAsync(int a, CancellationToken ct, string b);
            [WithRetry] public partial Task NoneAsync(int a);
            [WithRetry] public partial Task TwoAsync(CancellationToken first, CancellationToken second);

            private Task FirstCoreAsync(CancellationToken ct, int a) => Task.CompletedTask;
            private Task MiddleCoreAsync(int a, CancellationToken ct, string b) => Task.CompletedTask;
            private Task NoneCoreAsync(int a) => Task.CompletedTask;
            private Task TwoCoreAsync(CancellationToken first, CancellationToken second) => Task.CompletedTask;
        }
        """);

    [Fact]
    public void LoggerFromFieldPropertyBaseOrPrimaryConstructor() => VerifyShape("""
        namespace Shapes;

        public partial class FieldLogger
        {
            private readonly ILogger<FieldLogger> _log = Microsoft.Extensions.Logging.Abstractions.NullLogger<FieldLogger>.Instance;
            [WithRetry] public partial Task RunAsync();
            private Task RunCoreAsync() => Task.CompletedTask;
        }

        public class ServiceBase
        {
            protected ILogger Logger { get; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        }

        public partial class InheritsLogger : ServiceBase
        {
            [WithRetry] public partial Task RunAsync();
            private Task RunCoreAsync() => Task.CompletedTask;
        }

        public partial class PrimaryConstructorLogger(ILogger<PrimaryConstructorLogger> logger)
        {
            [WithRetry] public partial Task RunAsync();
            [WithRetry] public partial Task ShadowedAsync(int logger);
            private Task RunCoreAsync() => Task.CompletedTask;
            private Task ShadowedCoreAsync(int logger) => Task.CompletedTask;
        }

        public partial class CapturedElsewhere(ILogger logger)
        {
            // The parameter already initializes a member, so capturing it too would draw CS9124: no logger is passed.
            private readonly string _loggerName = logger.ToString() ?? "";
            public string LoggerName => _loggerName;
            [WithRetry] public partial Task RunAsync();
            private Task RunCoreAsync() => Task.CompletedTask;
        }

        public partial class StaticOnlyForStatic
        {
            private readonly ILogger _instance = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            private static readonly ILogger s_static = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            public ILogger Instance => _instance;
            [WithRetry] public static partial Task RunAsync();
            private static Task RunCoreAsync() => Task.CompletedTask;
        }

        public interface IHasLogger { ILogger Logger { get; } }

        public partial class ExplicitLoggerOnly : IHasLogger
        {
            // Reachable only through the interface: not a member the wrapper can name, so no logger is passed.
            ILogger IHasLogger.Logger => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            [WithRetry] public partial Task RunAsync();
            private Task RunCoreAsync() => Task.CompletedTask;
        }

        public partial class NoLogger
        {
            [WithRetry] public partial Task RunAsync();
            private Task RunCoreAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public void ExceptionFilters() => VerifyShape("""
        namespace Shapes;

        public class TransientException : Exception { }
        public class PermanentException : TransientException { }

        public partial class Filtered
        {
            [WithRetry(Handle = [typeof(TimeoutException), typeof(TransientException)], Ignore = [typeof(PermanentException)], ShouldHandle = nameof(ShouldRetry))]
            [CircuitBreaker(Ignore = [typeof(ArgumentException)], ShouldHandle = nameof(CountsForBreaker))]
            public partial Task RunAsync(int attempt);

            [WithRetry(Handle = [typeof(TimeoutException)])]
            public static partial Task RunStaticAsync();

            private bool ShouldRetry(Exception exception) => exception.Message.Length > 0;
            private static bool CountsForBreaker(Exception exception) => exception is not OperationCanceledException;

            private Task RunCoreAsync(int attempt) => Task.CompletedTask;
            private static Task RunStaticCoreAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public void OverloadsGetDistinctDescriptors() => VerifyShape("""
        namespace Shapes;

        public partial class Overloads
        {
            [WithRetry] public partial Task<int> GetAsync(int id);
            [WithRetry] public partial Task<int> GetAsync(string name);
            [CircuitBreaker] public partial Task<int> GetAsync();

            private Task<int> GetCoreAsync(int id) => Task.FromResult(id);
            private Task<int> GetCoreAsync(string name) => Task.FromResult(name.Length);
            private Task<int> GetCoreAsync() => Task.FromResult(0);
        }
        """);

    [Fact]
    public void ExtensionMethodInStaticClass() => VerifyShape("""
        namespace Shapes;

        public static partial class ClientExtensions
        {
            [WithRetry] public static partial Task<int> LengthAsync(this string text, CancellationToken cancellationToken = default);
            private static Task<int> LengthCoreAsync(this string text, CancellationToken cancellationToken) => Task.FromResult(text.Length);
        }
        """);
}
