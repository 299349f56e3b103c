namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// A fixed set of threads that run one piece of work together, once per <see cref="Run"/>: the calling thread is
/// worker 0, dedicated threads (made once, in setup) are the others. Dedicated threads rather than pool tasks so that
/// four workers on a 2-core machine really start at once (the pool would queue the third and fourth behind its
/// minimum), and so no thread creation is timed. Two barrier waits per run cost microseconds, against the
/// milliseconds of calls each run makes.
/// </summary>
internal sealed class ThreadGang : IDisposable
{
    private readonly Barrier _start;
    private readonly Barrier _done;
    private readonly Thread[] _helpers;
    private Action<int>? _work;
    private volatile bool _stopping;

    public ThreadGang(int threads)
    {
        Threads = threads;
        _start = new Barrier(threads);
        _done = new Barrier(threads);
        _helpers = new Thread[threads - 1];
        for (int i = 0; i < _helpers.Length; i++)
        {
            int worker = i + 1;
            _helpers[i] = new Thread(() => Serve(worker)) { IsBackground = true, Name = "bench-worker-" + worker };
            _helpers[i].Start();
        }
    }

    public int Threads { get; }

    /// <summary>Runs <paramref name="work"/>(worker index) on every thread at once; returns when all are done.</summary>
    public void Run(Action<int> work)
    {
        _work = work;
        _start.SignalAndWait();
        work(0);
        _done.SignalAndWait();
    }

    private void Serve(int worker)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            _work!(worker);
            _done.SignalAndWait();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _start.SignalAndWait();
        foreach (Thread helper in _helpers)
        {
            helper.Join();
        }

        _start.Dispose();
        _done.Dispose();
    }
}
