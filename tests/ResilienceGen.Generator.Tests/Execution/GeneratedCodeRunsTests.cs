using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Execution;

/// <summary>
/// Compiles the generated code in memory, loads it and runs it against the real runtime: retries happen (counted
/// through calls of the Core method), the breaker opens, filters and the cancellation token are wired through.
/// Delays are 0 ms, so nothing waits.
/// </summary>
public sealed class GeneratedCodeRunsTests
{
    private const string FlakyType = "Exec.Flaky";

    private static string Source(string breakerPrefix) => """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using ResilienceGen;

        namespace Exec;

        public sealed class TransientException(string message) : Exception(message);

        public sealed class ListLogger : ILogger
        {
            public List<string> Messages { get; } = new();
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => Messages.Add(formatter(state, exception));
        }

        public partial class Flaky(int failures, ListLogger logger)
        {
            public int Calls;

            public Flaky(int failures) : this(failures, new ListLogger()) { }

            public ListLogger Logger => logger;

            [WithRetry(MaxRetries = 3, BaseDelayMs = 0, Jitter = false)]
            public partial Task<int> DoubleAsync(int value, CancellationToken cancellationToken);

            [WithRetry(MaxRetries = 3, BaseDelayMs = 0, Handle = [typeof(TransientException)])]
            public partial Task FilteredAsync(bool transient);

            [WithRetry(MaxRetries = 3, BaseDelayMs = 0)]
            public partial ValueTask CancellableAsync(CancellationToken cancellationToken);

            [CircuitBreaker("BREAKER-alone", FailureThreshold = 2, BreakDurationMs = 60_000)]
            public partial ValueTask<int> BreakerAsync();

            [WithRetry(MaxRetries = 5, BaseDelayMs = 0)]
            [CircuitBreaker("BREAKER-both", FailureThreshold = 2, BreakDurationMs = 60_000)]
            public partial Task BothAsync();

            [WithRetry(MaxRetries = 2, BaseDelayMs = 0)]
            public static partial Task<T> EchoAsync<T>(T value, int[] calls) where T : notnull;

            private Task<int> DoubleCoreAsync(int value, CancellationToken cancellationToken)
            {
                Calls++;
                return Calls <= failures
                    ? Task.FromException<int>(new TransientException("failure " + Calls))
                    : Task.FromResult(value * 2);
            }

            private Task FilteredCoreAsync(bool transient)
            {
                Calls++;
                return Task.FromException(transient ? new TransientException("transient") : new InvalidOperationException("permanent"));
            }

            private ValueTask CancellableCoreAsync(CancellationToken cancellationToken)
            {
                Calls++;
                cancellationToken.ThrowIfCancellationRequested();
                return default;
            }

            private ValueTask<int> BreakerCoreAsync()
            {
                Calls++;
                throw new InvalidOperationException("down");
            }

            private async Task BothCoreAsync()
            {
                Calls++;
                await Task.Yield();
                throw new InvalidOperationException("down");
            }

            private static Task<T> EchoCoreAsync<T>(T value, int[] calls) where T : notnull
                => ++calls[0] == 1 ? Task.FromException<T>(new TransientException("first")) : Task.FromResult(value);
        }
        """.Replace("BREAKER", breakerPrefix);

    private static LoadedConsumer Load(out string breakerPrefix)
    {
        // The breaker registry is process-wide: give every test its own breaker names.
        breakerPrefix = "exec-" + Guid.NewGuid().ToString("N");
        return LoadedConsumer.Load(GeneratorRun.Of(Source(breakerPrefix)));
    }

    [Fact]
    public async Task RetriesUntilTheBodySucceeds()
    {
        using LoadedConsumer consumer = Load(out _);
        object flaky = consumer.Create(FlakyType, 2);

        object? result = await LoadedConsumer.CallAsync(flaky, "DoubleAsync", 21, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(3, LoadedConsumer.Field<int>(flaky, "Calls"));
    }

    [Fact]
    public async Task AfterTheLastRetryTheCallerGetsTheBodysOwnException()
    {
        using LoadedConsumer consumer = Load(out _);
        object flaky = consumer.Create(FlakyType, 100);

        Exception thrown = await Assert.ThrowsAnyAsync<Exception>(() => LoadedConsumer.CallAsync(flaky, "DoubleAsync", 1, CancellationToken.None));

        Assert.Equal("Exec.TransientException", thrown.GetType().FullName);
        Assert.Equal("failure 4", thrown.Message);
        Assert.Equal(4, LoadedConsumer.Field<int>(flaky, "Calls"));
    }

    [Fact]
    public async Task RetriesGoThroughTheTypesPrimaryConstructorLogger()
    {
        using LoadedConsumer consumer = Load(out _);
        object flaky = consumer.Create(FlakyType, 2);

        await LoadedConsumer.CallAsync(flaky, "DoubleAsync", 1, CancellationToken.None);

        object logger = flaky.GetType().GetProperty("Logger")!.GetValue(flaky)!;
        var messages = (List<string>)logger.GetType().GetProperty("Messages")!.GetValue(logger)!;
        Assert.NotEmpty(messages);
    }

    [Theory]
    [InlineData(true, 4)]
    [InlineData(false, 1)]
    public async Task HandleDecidesWhatIsRetried(bool transient, int expectedCalls)
    {
        using LoadedConsumer consumer = Load(out _);
        object flaky = consumer.Create(FlakyType, 0);

        await Assert.ThrowsAnyAsync<Exception>(() => LoadedConsumer.CallAsync(flaky, "FilteredAsync", transient));

        Assert.Equal(expectedCalls, LoadedConsumer.Field<int>(flaky, "Calls"));
    }

    [Fact]
    public async Task TheMethodsTokenReachesTheRuntime_CancellationIsNotRetried()
    {
        using LoadedConsumer consumer = Load(out _);
        object flaky = consumer.Create(FlakyType, 0);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LoadedConsumer.CallAsync(flaky, "CancellableAsync", cancelled.Token));

        Assert.Equal(1, LoadedConsumer.Field<int>(flaky, "Calls"));
    }

    [Fact]
    public async Task TheBreakerOpensAfterTheThresholdAndRejectsWithoutCallingTheBody()
    {
        using LoadedConsumer consumer = Load(out string prefix);
        object flaky = consumer.Create(FlakyType, 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => LoadedConsumer.CallAsync(flaky, "BreakerAsync"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => LoadedConsumer.CallAsync(flaky, "BreakerAsync"));
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => LoadedConsumer.CallAsync(flaky, "BreakerAsync"));

        Assert.Equal(prefix + "-alone", rejected.BreakerName);
        Assert.Equal(2, LoadedConsumer.Field<int>(flaky, "Calls"));
        Assert.Equal(CircuitState.Open, Resilience.Breakers[prefix + "-alone"].State);
    }

    [Fact]
    public async Task WithBothRetryIsOutsideAndStopsAtTheOpenBreaker()
    {
        using LoadedConsumer consumer = Load(out string prefix);
        object flaky = consumer.Create(FlakyType, 0);

        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => LoadedConsumer.CallAsync(flaky, "BothAsync"));

        Assert.Equal(prefix + "-both", rejected.BreakerName);
        Assert.Equal(2, LoadedConsumer.Field<int>(flaky, "Calls"));
    }

    [Fact]
    public async Task StaticGenericMethodsRetryToo()
    {
        using LoadedConsumer consumer = Load(out _);
        int[] calls = { 0 };
        var echo = consumer.Type(FlakyType).GetMethod("EchoAsync")!.MakeGenericMethod(typeof(string));

        Task<string> task = (Task<string>)echo.Invoke(null, new object[] { "hello", calls })!;

        Assert.Equal("hello", await task);
        Assert.Equal(2, calls[0]);
    }
}
