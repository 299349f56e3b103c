namespace ResilienceGen.IntegrationTests.Service;

/// <summary>
/// Decides, request by request, whether the test service answers normally or with a fault.
/// Every decision is thread-safe: the service calls <see cref="NextFault"/> from many requests at once.
/// </summary>
public sealed class FaultPlan
{
    private readonly Func<string, FaultKind?> _nextFault;

    private FaultPlan(Func<string, FaultKind?> nextFault, TimeSpan latency, Task? release = null)
    {
        if (latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), latency, "Latency cannot be negative.");
        }

        _nextFault = nextFault;
        Latency = latency;
        Release = release ?? Task.CompletedTask;
    }

    /// <summary>Delay before every response, faulty or not (the "slow responses" mode).</summary>
    public TimeSpan Latency { get; }

    /// <summary>Every response waits for this task as well: lets a test hold requests in flight as long as it needs.</summary>
    public Task Release { get; }

    /// <summary>The fault for the next request (for item <paramref name="itemId"/>), or <c>null</c> to answer it normally.</summary>
    public FaultKind? NextFault(string itemId) => _nextFault(itemId);

    /// <summary>Every request succeeds, after <paramref name="latency"/>.</summary>
    public static FaultPlan Healthy(TimeSpan latency = default) => new(static _ => null, latency);

    /// <summary>
    /// Every request succeeds, but only once <paramref name="release"/> completes: requests pile up in flight
    /// until the test lets them go, however slowly the machine runs.
    /// </summary>
    public static FaultPlan HealthyOnceReleased(Task release) =>
        new(static _ => null, TimeSpan.Zero, release ?? throw new ArgumentNullException(nameof(release)));

    /// <summary>Every request fails with <paramref name="fault"/>.</summary>
    public static FaultPlan AlwaysFail(FaultKind fault = FaultKind.ServerError, TimeSpan latency = default) =>
        new(_ => fault, latency);

    /// <summary>The next <paramref name="count"/> requests fail with <paramref name="fault"/>; the rest succeed.</summary>
    public static FaultPlan FailNext(int count, FaultKind fault = FaultKind.ServerError, TimeSpan latency = default)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Count cannot be negative.");
        }

        var budget = new FailureBudget(count);
        return new(_ => budget.TryTake() ? fault : null, latency);
    }

    /// <summary>
    /// Each request fails with probability <paramref name="probability"/>, drawn from a <see cref="Random"/>
    /// seeded with <paramref name="seed"/>: the sequence of decisions is the same on every run.
    /// </summary>
    public static FaultPlan FailWithProbability(
        double probability, int seed, FaultKind fault = FaultKind.ServerError, TimeSpan latency = default)
    {
        ValidateProbability(probability);
        var random = new Random(seed);
        var gate = new object();
        return new(
            _ =>
            {
                // Random is not thread-safe; the lock also keeps the seeded sequence intact.
                lock (gate)
                {
                    return random.NextDouble() < probability ? fault : null;
                }
            },
            latency);
    }

    /// <summary>
    /// Like <see cref="FailWithProbability"/>, but each item draws from its own <see cref="Random"/>, seeded from
    /// <paramref name="seed"/> and the item id. The n-th request for an item gets the same answer on every run,
    /// however requests for different items interleave: under concurrent load, outcomes stay exact.
    /// </summary>
    public static FaultPlan FailWithProbabilityPerItem(
        double probability, int seed, FaultKind fault = FaultKind.ServerError, TimeSpan latency = default)
    {
        ValidateProbability(probability);
        var randoms = new System.Collections.Concurrent.ConcurrentDictionary<string, Random>(StringComparer.Ordinal);
        return new(
            itemId =>
            {
                var random = randoms.GetOrAdd(itemId, id => new Random(seed ^ StableHash(id)));
                lock (random)
                {
                    return random.NextDouble() < probability ? fault : null;
                }
            },
            latency);
    }

    private static void ValidateProbability(double probability)
    {
        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Probability must be within 0..1.");
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units: unlike <see cref="string.GetHashCode()"/>, the same in every process.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
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
