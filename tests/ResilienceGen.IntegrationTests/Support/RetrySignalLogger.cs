using Microsoft.Extensions.Logging;

namespace ResilienceGen.IntegrationTests.Support;

/// <summary>
/// A logger that tells a test the moment the runtime logs a scheduled retry, which it does just before the
/// backoff delay starts: the test can act "during the delay" without guessing at timing.
/// </summary>
public sealed class RetrySignalLogger<T> : ILogger<T>
{
    /// <summary>The runtime's event name for "attempt failed; retrying in N ms".</summary>
    public const string RetryScheduledEvent = "RetryScheduled";

    private readonly TaskCompletionSource _retryScheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first retry is scheduled.</summary>
    public Task RetryScheduled => _retryScheduled.Task;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Name == RetryScheduledEvent)
        {
            _retryScheduled.TrySetResult();
        }
    }
}
