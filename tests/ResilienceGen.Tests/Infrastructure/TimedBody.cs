namespace ResilienceGen.Tests.Infrastructure;

/// <summary>What one call of a <see cref="TimedBody"/> does.</summary>
public enum TimedStep
{
    /// <summary>Waits until its token is cancelled, then ends with the token's OperationCanceledException.</summary>
    Hang,

    /// <summary>Returns an already completed task with the call's number.</summary>
    Succeed,

    /// <summary>Ignores its token, waits <see cref="TimedBody.LateBy"/> on Resilience.TimeProvider, then succeeds.</summary>
    SucceedLate,

    /// <summary>Returns a faulted task (InvalidOperationException).</summary>
    Fail,
}

/// <summary>
/// A scripted body of a [WithTimeout] method: call n (1-based) does what the script says, and every token it was
/// given is kept, so tests can see the token was the attempt's own (not the caller's) and was cancelled.
/// </summary>
public sealed class TimedBody
{
    private readonly Func<int, TimedStep> _script;
    private readonly List<CancellationToken> _tokens = new();
    private int _calls;

    public TimedBody(Func<int, TimedStep> script) => _script = script;

    public int Calls => Volatile.Read(ref _calls);

    public TimeSpan LateBy { get; init; } = TimeSpan.FromSeconds(3);

    public IReadOnlyList<CancellationToken> Tokens
    {
        get
        {
            lock (_tokens)
            {
                return _tokens.ToArray();
            }
        }
    }

    public static TimedBody Steps(params TimedStep[] steps) => new(n => steps[Math.Min(n, steps.Length) - 1]);

    public Task<int> RunAsync(CancellationToken token)
    {
        int n = Interlocked.Increment(ref _calls);
        lock (_tokens)
        {
            _tokens.Add(token);
        }

        return _script(n) switch
        {
            TimedStep.Hang => HangAsync(token),
            TimedStep.Succeed => Task.FromResult(n),
            TimedStep.SucceedLate => LateAsync(n),
            _ => Task.FromException<int>(new InvalidOperationException("failed " + n)),
        };
    }

    private static async Task<int> HangAsync(CancellationToken token)
    {
        await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
        throw new InvalidOperationException("unreachable: an infinite delay ended without cancellation");
    }

    private async Task<int> LateAsync(int n)
    {
        await Task.Delay(LateBy, Resilience.TimeProvider, CancellationToken.None).ConfigureAwait(false);
        return n;
    }
}
