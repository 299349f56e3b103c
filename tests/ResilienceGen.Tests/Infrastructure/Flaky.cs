namespace ResilienceGen.Tests.Infrastructure;

/// <summary>
/// A scripted body: call n (1-based) fails with the exception the script gives for n, or succeeds with n.
/// It is the <c>state</c> the tests pass to the entry points, so bodies are static lambdas, as generated ones are.
/// </summary>
public sealed class Flaky
{
    private readonly Func<int, Exception?> _script;
    private int _calls;

    public Flaky(Func<int, Exception?> script) => _script = script;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Fails the first <paramref name="failures"/> calls with a fresh exception each, then succeeds.</summary>
    public static Flaky FailingTimes(int failures, Func<Exception>? exception = null)
        => new(n => n <= failures ? (exception ?? (() => new InvalidOperationException("transient " + n)))() : null);

    public static Flaky Always(Func<Exception> exception) => new(_ => exception());

    public static Flaky Succeeding() => new(_ => null);

    /// <summary>Returns an already completed task (faulted or successful): the synchronous path.</summary>
    public Task<int> CompletedAsync()
    {
        int n = Interlocked.Increment(ref _calls);
        Exception? failure = _script(n);
        return failure is null ? Task.FromResult(n) : Task.FromException<int>(failure);
    }

    /// <summary>Throws synchronously instead of returning a faulted task.</summary>
    public Task<int> ThrowingAsync()
    {
        int n = Interlocked.Increment(ref _calls);
        Exception? failure = _script(n);
        if (failure is not null)
        {
            throw failure;
        }

        return Task.FromResult(n);
    }

    /// <summary>Completes later (after a yield), so the entry point has to await it.</summary>
    public async Task<int> YieldingAsync()
    {
        await Task.Yield();
        int n = Interlocked.Increment(ref _calls);
        Exception? failure = _script(n);
        if (failure is not null)
        {
            throw failure;
        }

        return n;
    }
}
