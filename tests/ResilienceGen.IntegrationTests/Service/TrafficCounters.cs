namespace ResilienceGen.IntegrationTests.Service;

/// <summary>What the test service has seen: requests, and TCP connections (accepted, open now, most open at once).</summary>
public sealed class TrafficCounters
{
    private int _requests;
    private int _faults;
    private int _requestsAborted;
    private int _connectionsAccepted;
    private int _openConnections;
    private int _peakOpenConnections;

    /// <summary>Requests that reached the endpoint, whatever the plan did with them.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests the plan chose to fail (answered with a fault, or meant to be).</summary>
    public int Faults => Volatile.Read(ref _faults);

    /// <summary>Requests whose handler saw the client abort them (HttpContext.RequestAborted) while it was still waiting.</summary>
    public int RequestsAborted => Volatile.Read(ref _requestsAborted);

    /// <summary>Connections accepted since the last <see cref="Reset"/>.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    /// <summary>Connections open right now.</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    /// <summary>The most connections open at once since the last <see cref="Reset"/>.</summary>
    public int PeakOpenConnections => Volatile.Read(ref _peakOpenConnections);

    /// <summary>Zeroes the request and connection tallies. Open connections are a live gauge and stay as they are.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _faults, 0);
        Interlocked.Exchange(ref _requestsAborted, 0);
        Interlocked.Exchange(ref _connectionsAccepted, 0);
        Interlocked.Exchange(ref _peakOpenConnections, OpenConnections);
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> requests have arrived. Polls, because the moment of
    /// arrival is decided by another process's network stack, not by a clock the test could move.
    /// </summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (Requests < count)
        {
            try
            {
                await Task.Delay(5, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The service saw {Requests} requests within {timeout}, not {count}.");
            }
        }
    }

    /// <summary>Completes once no more than <paramref name="count"/> connections are open.</summary>
    public async Task WaitForOpenConnectionsAtMostAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (OpenConnections > count)
        {
            try
            {
                await Task.Delay(5, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{OpenConnections} connections still open after {timeout}, wanted at most {count}.");
            }
        }
    }

    internal void OnRequest() => Interlocked.Increment(ref _requests);

    internal void OnFault() => Interlocked.Increment(ref _faults);

    internal void OnRequestAborted() => Interlocked.Increment(ref _requestsAborted);

    /// <summary>Completes once at least <paramref name="count"/> requests were seen aborted by their client.</summary>
    public async Task WaitForAbortedRequestsAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (RequestsAborted < count)
        {
            try
            {
                await Task.Delay(5, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The service saw {RequestsAborted} aborted requests within {timeout}, not {count}.");
            }
        }
    }

    internal void OnConnectionOpened()
    {
        Interlocked.Increment(ref _connectionsAccepted);
        var open = Interlocked.Increment(ref _openConnections);
        var peak = Volatile.Read(ref _peakOpenConnections);
        while (open > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakOpenConnections, open, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    internal void OnConnectionClosed() => Interlocked.Decrement(ref _openConnections);
}
