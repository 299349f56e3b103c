using ResilienceGen.Internal;

namespace ResilienceGen.Tests;

/// <summary>
/// The happy path's counter (<see cref="StripedCounter"/>): each thread adds into a cell it alone writes, with a plain
/// store, so exactness rests on no two live threads ever holding the same number (<see cref="CounterSlots"/>), and on
/// the threads past the last number sharing an interlocked cell.
/// </summary>
public sealed class StripedCounterTests
{
    [Fact]
    public void Counts_from_many_threads_at_once_add_up_exactly()
    {
        const int Threads = 8;
        const int PerThread = 200_000;
        StripedCounter counter = StripedCounter.Create();
        using var start = new Barrier(Threads);

        RunThreads(Threads, _ =>
        {
            start.SignalAndWait();
            for (int i = 0; i < PerThread; i++)
            {
                counter.Increment();
            }
        });

        Assert.Equal((long)Threads * PerThread, counter.Sum());
    }

    [Fact]
    public void Threads_past_the_last_number_share_an_interlocked_cell_and_stay_exact()
    {
        // More live threads than numbers: at least Threads - MaxSlots of them get none and share one cell.
        const int Threads = CounterSlots.MaxSlots + 16;
        const int PerThread = 20_000;
        StripedCounter counter = StripedCounter.Create();
        var numbers = new int[Threads];
        using var start = new Barrier(Threads);
        using var end = new Barrier(Threads);

        RunThreads(Threads, t =>
        {
            start.SignalAndWait(); // all alive at once, so none can hand its number to another
            for (int i = 0; i < PerThread; i++)
            {
                counter.Increment();
            }

            numbers[t] = CounterSlots.Current;
            end.SignalAndWait();
        });

        Assert.Equal((long)Threads * PerThread, counter.Sum());
        int[] owned = numbers.Where(n => n != CounterSlots.Unowned).ToArray();
        Assert.Equal(owned.Length, owned.Distinct().Count()); // no number held by two live threads
        Assert.All(owned, n => Assert.InRange(n, 0, CounterSlots.MaxSlots - 1));
        Assert.True(Threads - owned.Length >= Threads - CounterSlots.MaxSlots, $"{Threads - owned.Length} threads without a number");
    }

    [Fact]
    public void A_thread_that_ended_gives_its_number_back()
    {
        // Take every free number with threads that stay alive, let them end, and collect their leases: a new thread
        // then gets a number again instead of the shared cell.
        const int Threads = CounterSlots.MaxSlots;
        using var phase = new Barrier(Threads);
        int heldWhileAlive = 0;
        RunThreads(Threads, t =>
        {
            phase.SignalAndWait();
            _ = CounterSlots.Current;
            phase.SignalAndWait(); // every thread has its number (or none) and is alive
            if (t == 0)
            {
                heldWhileAlive = CounterSlots.Held;
            }

            phase.SignalAndWait();
        });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        int numberOfNewThread = -1;
        RunThreads(1, _ => numberOfNewThread = CounterSlots.Current);
        Assert.NotEqual(CounterSlots.Unowned, numberOfNewThread);
        Assert.True(CounterSlots.Held < heldWhileAlive, $"held {CounterSlots.Held} after the threads ended, {heldWhileAlive} before");
    }

    private static void RunThreads(int count, Action<int> body)
    {
        Thread[] threads = Enumerable.Range(0, count).Select(t => new Thread(() => body(t))).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }
    }
}
