using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests.Timeouts;

/// <summary>The four [WithTimeout] entry points: an attempt that times out is retried and the retry succeeds, for each return kind.</summary>
public class TimeoutReturnKindTests : RuntimeTestBase
{
    private static ResilientMethod Timed()
        => new(UniqueName("Tests.Timed.Kinds"), Retry(2), Breaker(), timeout: new TimeoutOptions { AttemptMs = 1_000, TotalMs = 10_000 });

    [Fact]
    public async Task Task_of_T()
    {
        var body = TimedBody.Steps(TimedStep.Hang, TimedStep.Succeed);
        Task<int> call = ResilientInvoker.RunTaskOf(Timed(), null, body, static (b, t) => b.RunAsync(t), null, null, default);
        Assert.Equal(2, await Drive(call));
    }

    [Fact]
    public async Task Task()
    {
        var body = TimedBody.Steps(TimedStep.Hang, TimedStep.Succeed);
        Task call = ResilientInvoker.RunTask(Timed(), null, body, static (b, t) => b.RunAsync(t), null, null, default);
        await Drive(call);
        Assert.Equal(2, body.Calls);
    }

    [Fact]
    public async Task ValueTask_of_T()
    {
        var body = TimedBody.Steps(TimedStep.Hang, TimedStep.Succeed);
        ValueTask<int> call = ResilientInvoker.RunValueTaskOf(Timed(), null, body, static (b, t) => new ValueTask<int>(b.RunAsync(t)), null, null, default);
        Assert.Equal(2, await Drive(call.AsTask()));
    }

    [Fact]
    public async Task ValueTask()
    {
        var body = TimedBody.Steps(TimedStep.Hang, TimedStep.Succeed);
        ValueTask call = ResilientInvoker.RunValueTask(Timed(), null, body, static (b, t) => new ValueTask(b.RunAsync(t)), null, null, default);
        await Drive(call.AsTask());
        Assert.Equal(2, body.Calls);
    }

    [Fact]
    public async Task Every_kind_ends_with_the_attempt_timeout_when_the_retries_run_out()
    {
        // A method (and breaker) each: three attempts apiece stay under the breaker's threshold of 5.
        var body = TimedBody.Steps(TimedStep.Hang);
        await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(ResilientInvoker.RunTask(Timed(), null, body, static (b, t) => b.RunAsync(t), null, null, default)));
        await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(ResilientInvoker.RunValueTask(Timed(), null, body, static (b, t) => new ValueTask(b.RunAsync(t)), null, null, default).AsTask()));
        await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(ResilientInvoker.RunValueTaskOf(Timed(), null, body, static (b, t) => new ValueTask<int>(b.RunAsync(t)), null, null, default).AsTask()));
        Assert.Equal(9, body.Calls);
    }
}
