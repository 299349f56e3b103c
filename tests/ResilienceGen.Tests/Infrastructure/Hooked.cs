using ResilienceGen.Internal;

namespace ResilienceGen.Tests.Infrastructure;

/// <summary>The entry point a test drives.</summary>
public enum EntryPoint
{
    RunTaskOf,
    RunTask,
    RunValueTaskOf,
    RunValueTask,
}

/// <summary>
/// The state of a call with hooks: a scripted body plus what a type's OnRetry / RetryAfter / Fallback methods
/// would do, recording every hook call. Passed as <c>state</c>, so every lambda is static, as generated ones are.
/// </summary>
public sealed class Hooked
{
    private readonly object _gate = new();
    private readonly List<(int Attempt, TimeSpan Delay, Exception Exception)> _retries = new();
    private readonly List<Exception> _fallbackCalls = new();

    public Hooked(Flaky body) => Body = body;

    public Flaky Body { get; }

    /// <summary>What the RetryAfter hook answers for an exception; null by default (keep the backoff).</summary>
    public Func<Exception, TimeSpan?> RetryAfterAnswer { get; init; } = _ => null;

    /// <summary>Called inside OnRetry, after recording (for example to throw, or to look at the clock).</summary>
    public Action<int, TimeSpan, Exception>? DuringOnRetry { get; init; }

    /// <summary>The value the fallback answers with.</summary>
    public int FallbackValue { get; init; } = -1;

    /// <summary>When set, the fallback throws it synchronously instead of answering.</summary>
    public Exception? FallbackThrows { get; init; }

    /// <summary>The fallback completes later (after a yield), so the runtime has to await it.</summary>
    public bool FallbackYields { get; init; }

    /// <summary>What the caller of a void entry point got: the body's call number, or the fallback's value.</summary>
    public int Outcome { get; private set; }

    public IReadOnlyList<(int Attempt, TimeSpan Delay, Exception Exception)> Retries
    {
        get
        {
            lock (_gate)
            {
                return _retries.ToArray();
            }
        }
    }

    public IReadOnlyList<Exception> FallbackCalls
    {
        get
        {
            lock (_gate)
            {
                return _fallbackCalls.ToArray();
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="kind"/> with every hook passed, as generated code would; void kinds report
    /// <see cref="Outcome"/> as their result so every kind can be asserted alike.
    /// </summary>
    public Task<int> Run(
        EntryPoint kind, ResilientMethod method, Func<Hooked, Exception, bool>? retryFilter = null,
        Func<Hooked, Exception, bool>? breakerFilter = null, CancellationToken cancellationToken = default, bool withFallback = true,
        Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        switch (kind)
        {
            case EntryPoint.RunTaskOf:
                return ResilientInvoker.RunTaskOf(
                    method, logger, this, static s => s.Body.CompletedAsync(), retryFilter, breakerFilter, cancellationToken,
                    onRetry: static (s, attempt, delay, e) => s.OnRetry(attempt, delay, e),
                    retryAfter: static (s, e) => s.RetryAfterAnswer(e),
                    fallback: withFallback ? static (s, e) => s.FallbackOfAsync(e) : null);
            case EntryPoint.RunTask:
                return ThenOutcome(ResilientInvoker.RunTask(
                    method, logger, this, static s => s.BodyVoidAsync(), retryFilter, breakerFilter, cancellationToken,
                    onRetry: static (s, attempt, delay, e) => s.OnRetry(attempt, delay, e),
                    retryAfter: static (s, e) => s.RetryAfterAnswer(e),
                    fallback: withFallback ? static (s, e) => s.FallbackVoidAsync(e) : null));
            case EntryPoint.RunValueTaskOf:
                return ResilientInvoker.RunValueTaskOf(
                    method, logger, this, static s => new ValueTask<int>(s.Body.CompletedAsync()), retryFilter, breakerFilter, cancellationToken,
                    onRetry: static (s, attempt, delay, e) => s.OnRetry(attempt, delay, e),
                    retryAfter: static (s, e) => s.RetryAfterAnswer(e),
                    fallback: withFallback ? static (s, e) => new ValueTask<int>(s.FallbackOfAsync(e)) : null).AsTask();
            case EntryPoint.RunValueTask:
                return ThenOutcome(ResilientInvoker.RunValueTask(
                    method, logger, this, static s => new ValueTask(s.BodyVoidAsync()), retryFilter, breakerFilter, cancellationToken,
                    onRetry: static (s, attempt, delay, e) => s.OnRetry(attempt, delay, e),
                    retryAfter: static (s, e) => s.RetryAfterAnswer(e),
                    fallback: withFallback ? static (s, e) => new ValueTask(s.FallbackVoidAsync(e)) : null).AsTask());
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private async Task<int> ThenOutcome(Task call)
    {
        await call;
        return Outcome;
    }

    private void OnRetry(int attempt, TimeSpan delay, Exception exception)
    {
        lock (_gate)
        {
            _retries.Add((attempt, delay, exception));
        }

        DuringOnRetry?.Invoke(attempt, delay, exception);
    }

    private Task BodyVoidAsync()
    {
        Task<int> task = Body.CompletedAsync();
        if (task.IsCompletedSuccessfully)
        {
            Outcome = task.Result;
        }

        return task;
    }

    private Task<int> FallbackOfAsync(Exception exception)
    {
        lock (_gate)
        {
            _fallbackCalls.Add(exception);
        }

        if (FallbackThrows is not null)
        {
            throw FallbackThrows;
        }

        return FallbackYields ? YieldThenAsync(FallbackValue) : Task.FromResult(FallbackValue);
    }

    // Not async itself: a throwing fallback must throw synchronously here too, as a user's method may.
    private Task FallbackVoidAsync(Exception exception) => SetOutcomeAsync(FallbackOfAsync(exception));

    private async Task SetOutcomeAsync(Task<int> fallback) => Outcome = await fallback;

    private static async Task<int> YieldThenAsync(int value)
    {
        await Task.Yield();
        return value;
    }
}
