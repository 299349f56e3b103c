using System.Reflection;
using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Execution;

/// <summary>
/// Argument errors through real generated wrappers (issue 13): a non-async Core method that validates its arguments
/// makes the wrapper throw synchronously for every return kind, with no retry and no breaker count; a Handle that
/// names ArgumentException (passed to the runtime by the emitter) still retries it.
/// </summary>
public sealed class GeneratedArgumentErrorsRunTests
{
    private const string ClientType = "Exec.Validating";

    private static string Source(string breaker) => """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Exec;

        public partial class Validating
        {
            public int Calls;

            [WithRetry(MaxRetries = 3, BaseDelayMs = 0)]
            [CircuitBreaker("BREAKER", FailureThreshold = 1)]
            public partial Task<int> TaskOfAsync(string id);

            [WithRetry(MaxRetries = 3, BaseDelayMs = 0)]
            [CircuitBreaker("BREAKER", FailureThreshold = 1)]
            public partial Task TaskAsync(string id);

            [WithRetry(MaxRetries = 3, BaseDelayMs = 0)]
            [CircuitBreaker("BREAKER", FailureThreshold = 1)]
            public partial ValueTask<int> ValueTaskOfAsync(string id);

            [WithRetry(MaxRetries = 3, BaseDelayMs = 0)]
            [CircuitBreaker("BREAKER", FailureThreshold = 1)]
            public partial ValueTask ValueTaskAsync(string id);

            [WithRetry(MaxRetries = 2, BaseDelayMs = 0, Handle = [typeof(ArgumentException)])]
            public partial Task<int> HandledAsync(string id);

            private Task<int> TaskOfCoreAsync(string id) { Calls++; ArgumentNullException.ThrowIfNull(id); return Task.FromResult(1); }
            private Task TaskCoreAsync(string id) { Calls++; ArgumentNullException.ThrowIfNull(id); return Task.CompletedTask; }
            private ValueTask<int> ValueTaskOfCoreAsync(string id) { Calls++; ArgumentNullException.ThrowIfNull(id); return new ValueTask<int>(1); }
            private ValueTask ValueTaskCoreAsync(string id) { Calls++; ArgumentNullException.ThrowIfNull(id); return default; }
            private Task<int> HandledCoreAsync(string id) { Calls++; ArgumentNullException.ThrowIfNull(id); return Task.FromResult(1); }
        }
        """.Replace("BREAKER", breaker);

    [Theory]
    [InlineData("TaskOfAsync")]
    [InlineData("TaskAsync")]
    [InlineData("ValueTaskOfAsync")]
    [InlineData("ValueTaskAsync")]
    public void A_synchronous_ArgumentNullException_leaves_the_wrapper_synchronously_with_no_retry_and_no_breaker_count(string method)
    {
        string breaker = "exec-args-" + Guid.NewGuid().ToString("N");
        using LoadedConsumer consumer = LoadedConsumer.Load(GeneratorRun.Of(Source(breaker)));
        object client = consumer.Create(ClientType);

        // Invoke surfaces a synchronous throw as TargetInvocationException; a faulted task would be returned instead.
        var thrown = Assert.Throws<TargetInvocationException>(() => client.GetType().GetMethod(method)!.Invoke(client, new object?[] { null }));

        Assert.IsType<ArgumentNullException>(thrown.InnerException);
        Assert.Equal(1, LoadedConsumer.Field<int>(client, "Calls"));
        CircuitBreaker circuit = Resilience.Breakers[breaker];
        Assert.Equal(0, circuit.Metrics.FailureCount);
        Assert.Equal(0, circuit.Metrics.SuccessCount);
        Assert.Equal(CircuitState.Closed, circuit.State);
    }

    [Fact]
    public async Task Handle_naming_ArgumentException_retries_it()
    {
        using LoadedConsumer consumer = LoadedConsumer.Load(GeneratorRun.Of(Source("exec-args-" + Guid.NewGuid().ToString("N"))));
        object client = consumer.Create(ClientType);

        await Assert.ThrowsAsync<ArgumentNullException>(() => LoadedConsumer.CallAsync(client, "HandledAsync", new object?[] { null }));

        Assert.Equal(3, LoadedConsumer.Field<int>(client, "Calls"));
    }
}
