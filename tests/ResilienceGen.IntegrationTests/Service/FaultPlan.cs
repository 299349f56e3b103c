namespace ResilienceGen.IntegrationTests.Service;

/// <summary>
/// Decides, request by request, whether the test service answers normally or with a fault.
/// Every decision is thread-safe: the service calls <see cref="NextFault"/> from many requests at once.
/// </summary>
public sealed class FaultPlan
{
    private readonly Func<FaultKind?> _nextFault;

    private FaultPlan(Func<FaultKind?> nextFault, TimeSpan latency)
    {
        if (latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), latency, "Latency cannot be negative.");
        }

        _nextFault = nextFault;
        Latency = latency;
    }

    /// <summary>Delay before every response, faulty or not (the "slow responses" mode).</summary>
    public TimeSpan Latency { get; }

    /// <summary>The fault for the next request, or <c>null</c> to answer it normally.</summary>
    public FaultKind? NextFault() => _nextFault();

    /// <summary>Every request succeeds, after <paramref name="latency"/>.</summary>
    public static FaultPlan Healthy(TimeSpan latency = default) => new(static () => null, latency);

    /// <summary>Every request fails with <paramref name="fault"/>.</summary>
    public static FaultPlan AlwaysFail(FaultKind fault = FaultKind.ServerError, TimeSpan latency = default) =>
        new(() => fault, latency);

    /// <summary>The next <paramref name="count"/> requests fail with <paramref name="fault"/>; the rest succeed.</summary>
    public static FaultPlan FailNext(int count, FaultKind fault = FaultKind.ServerError, TimeSpan latency = default)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Count cannot be negative.");
        }

        var budget = new FailureBudget(count);
        return new(() => budget.TryTake() ? fault : null, latency);
    }

    /// <summary>
    /// Each request fails with probability <paramref name="probability"/>, drawn from a <see cref="Random"/>
    /// seeded with <paramref name="seed"/>: the sequence of decisions is the same on every run.
    /// </summary>
    public static FaultPlan FailWithProbability(
        double probability, int seed, FaultKind fault = FaultKind.ServerError, TimeSpan latency = default)
    {
        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Probability must be within 0..1.");
        }

        var random = new Random(seed);
        var gate = new object();
        return new(
            () =>
            {
                // Random is not thread-safe; the lock also keeps the seeded sequence intact.
                lock (gate)
                {
                    return random.NextDouble() < probability ? fault : null;
                }
            },
            latency);
    }

    /// <summary>A countdown that never goes below zero, however many requests race for it.</summary>
    private sealed class FailureBudget(int count)
    {
        private int _remaining = count;

        public bool TryTake()
        {
            while (true)
            {
                var remaining = Volatile.Read(ref _remaining);
                if (remaining == 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) == remaining)
                {
                    return true;
                }
            }
        }
    }
}
