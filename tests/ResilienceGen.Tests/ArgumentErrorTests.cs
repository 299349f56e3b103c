using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>
/// Argument errors are not transient (issue 13): an <see cref="ArgumentException"/> is never retried and never a
/// breaker failure unless a Handle names it, and one the body throws synchronously (eager validation in a
/// non-async Core method) reaches the caller synchronously, for every return kind.
/// </summary>
public class ArgumentErrorTests : RuntimeTestBase
{
    public static TheoryData<EntryPoint, string> KindsAndPolicies()
    {
        var data = new TheoryData<EntryPoint, string>();
        foreach (EntryPoint kind in Enum.GetValues<EntryPoint>())
        {
            foreach (string policy in new[] { "retry", "breaker", "both" })
            {
                data.Add(kind, policy);
            }
        }

        return data;
    }

    public static TheoryData<EntryPoint> Kinds() => new(Enum.GetValues<EntryPoint>());

    [Theory]
    [MemberData(nameof(KindsAndPolicies))]
    public void A_synchronous_ArgumentNullException_is_thrown_by_the_call_itself_with_no_retry_and_no_breaker_count(EntryPoint kind, string policy)
    {
        ResilientMethod method = PolicyFor(policy);
        var body = new Validating(() => new ArgumentNullException("id"));

        var error = Assert.Throws<ArgumentNullException>(() => { _ = body.Start(kind, method, retryFilter: null, breakerFilter: null); });

        Assert.Equal("id", error.ParamName);
        Assert.Equal(1, body.Calls);
        AssertBreakerCountedNothing(method);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_generated_fast_path_hands_a_synchronous_argument_error_back_synchronously(EntryPoint kind)
    {
        ResilientMethod method = Method(Retry(maxRetries: 3, baseDelayMs: 0), Breaker());
        var body = new Validating(() => new ArgumentOutOfRangeException("count"));

        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = body.StartLikeGenerated(kind, method); });

        Assert.Equal(1, body.Calls);
        AssertBreakerCountedNothing(method);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_asynchronous_ArgumentException_is_not_retried_and_not_counted_even_by_a_filter_that_takes_everything(EntryPoint kind)
    {
        ResilientMethod method = Method(Retry(maxRetries: 3, baseDelayMs: 0), Breaker(failureThreshold: 1));
        var body = new Validating(() => new ArgumentException("bad sku"), synchronously: false);

        Task call = body.Start(kind, method, retryFilter: static (_, _) => true, breakerFilter: static (_, _) => true);

        await Assert.ThrowsAsync<ArgumentException>(() => Drive(call));
        Assert.Equal(1, body.Calls);
        AssertBreakerCountedNothing(method);
        Assert.Equal(CircuitState.Closed, method.Breaker!.State);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Handle_naming_ArgumentException_retries_it_and_lets_the_breaker_count_it(EntryPoint kind)
    {
        var method = new ResilientMethod(
            UniqueName("Tests.Target.Method"), Retry(maxRetries: 2, baseDelayMs: 0), Breaker(failureThreshold: 10),
            retryHandle: new[] { typeof(ArgumentException) }, breakerHandle: new[] { typeof(ArgumentException) });
        var body = new Validating(() => new ArgumentNullException("id"));

        Task call = body.Start(kind, method, retryFilter: static (_, e) => e is ArgumentException, breakerFilter: static (_, e) => e is ArgumentException);

        await Assert.ThrowsAsync<ArgumentNullException>(() => Drive(call));
        Assert.Equal(3, body.Calls); // the first attempt and both retries
        Assert.Equal(3, method.Breaker!.Metrics.FailureCount);
    }

    [Fact]
    public async Task Handle_naming_only_a_base_that_is_no_argument_exception_does_not_make_argument_errors_transient()
    {
        var method = new ResilientMethod(UniqueName("Tests.Target.Method"), Retry(maxRetries: 2, baseDelayMs: 0), null, retryHandle: new[] { typeof(Exception) });
        var body = new Validating(() => new ArgumentException("bad"), synchronously: false);

        Task call = body.Start(EntryPoint.RunTaskOf, method, retryFilter: static (_, e) => e is Exception, breakerFilter: null);

        await Assert.ThrowsAsync<ArgumentException>(() => Drive(call));
        Assert.Equal(1, body.Calls);
    }

    [Fact]
    public async Task Handle_naming_one_argument_exception_keeps_the_others_not_transient()
    {
        var method = new ResilientMethod(
            UniqueName("Tests.Target.Method"), Retry(maxRetries: 2, baseDelayMs: 0), null, retryHandle: new[] { typeof(ArgumentNullException), typeof(Exception) });
        var named = new Validating(() => new ArgumentNullException("id"), synchronously: false);
        var other = new Validating(() => new ArgumentOutOfRangeException("count"), synchronously: false);

        await Assert.ThrowsAsync<ArgumentNullException>(() => Drive(named.Start(EntryPoint.RunTaskOf, method, static (_, e) => e is ArgumentNullException || e is Exception, null)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Drive(other.Start(EntryPoint.RunTaskOf, method, static (_, e) => e is ArgumentNullException || e is Exception, null)));

        Assert.Equal(3, named.Calls);
        Assert.Equal(1, other.Calls);
    }

    [Fact]
    public async Task A_synchronous_non_argument_exception_still_becomes_a_faulted_task_and_is_retried()
    {
        ResilientMethod method = Method(Retry(maxRetries: 2, baseDelayMs: 0), null);
        var body = new Validating(() => new InvalidOperationException("transient"));

        Task call = body.Start(EntryPoint.RunTaskOf, method, retryFilter: null, breakerFilter: null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(call));
        Assert.Equal(3, body.Calls);
    }

    private static ResilientMethod PolicyFor(string policy) => policy switch
    {
        "retry" => Method(Retry(maxRetries: 3, baseDelayMs: 0), null),
        "breaker" => Method(null, Breaker()),
        "both" => Method(Retry(maxRetries: 3, baseDelayMs: 0), Breaker()),
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };

    private static void AssertBreakerCountedNothing(ResilientMethod method)
    {
        if (method.Breaker is { } breaker)
        {
            Assert.Equal(0, breaker.Metrics.SuccessCount);
            Assert.Equal(0, breaker.Metrics.FailureCount);
        }
    }

    /// <summary>A Core method that validates its arguments: throws (synchronously or in its task) on every call.</summary>
    private sealed class Validating(Func<Exception> error, bool synchronously = true)
    {
        public int Calls { get; private set; }

        private Task<int> CoreOf()
        {
            Calls++;
            return synchronously ? throw error() : Task.FromException<int>(error());
        }

        private Task Core() => CoreOf();

        /// <summary>Calls the entry point of <paramref name="kind"/>; a synchronous throw escapes from here.</summary>
        public Task Start(EntryPoint kind, ResilientMethod method, Func<Validating, Exception, bool>? retryFilter, Func<Validating, Exception, bool>? breakerFilter)
            => kind switch
            {
                EntryPoint.RunTaskOf => ResilientInvoker.RunTaskOf(method, null, this, static s => s.CoreOf(), retryFilter, breakerFilter, default),
                EntryPoint.RunTask => ResilientInvoker.RunTask(method, null, this, static s => s.Core(), retryFilter, breakerFilter, default),
                EntryPoint.RunValueTaskOf => ResilientInvoker.RunValueTaskOf(method, null, this, static s => new ValueTask<int>(s.CoreOf()), retryFilter, breakerFilter, default).AsTask(),
                _ => ResilientInvoker.RunValueTask(method, null, this, static s => new ValueTask(s.Core()), retryFilter, breakerFilter, default).AsTask(),
            };

        /// <summary>What the generated wrapper does: the inline fast path first, then the entry point with it.</summary>
        public Task StartLikeGenerated(EntryPoint kind, ResilientMethod method)
        {
            switch (kind)
            {
                case EntryPoint.RunTaskOf:
                {
                    FirstAttempt<Task<int>> first = default;
                    if (first.TryAdmit(method))
                    {
                        try { first.Started = CoreOf(); } catch (Exception e) { first.Failure = e; }
                        if (FirstAttempt.Succeeded(ref first)) { return first.Started; }
                    }

                    return ResilientInvoker.RunTaskOf(method, null, this, static s => s.CoreOf(), null, null, default, first: first);
                }

                case EntryPoint.RunTask:
                {
                    FirstAttempt<Task> first = default;
                    if (first.TryAdmit(method))
                    {
                        try { first.Started = Core(); } catch (Exception e) { first.Failure = e; }
                        if (FirstAttempt.Succeeded(ref first)) { return first.Started; }
                    }

                    return ResilientInvoker.RunTask(method, null, this, static s => s.Core(), null, null, default, first: first);
                }

                case EntryPoint.RunValueTaskOf:
                {
                    FirstAttempt<ValueTask<int>> first = default;
                    if (first.TryAdmit(method))
                    {
                        try { first.Started = new ValueTask<int>(CoreOf()); } catch (Exception e) { first.Failure = e; }
                        if (FirstAttempt.Succeeded(ref first)) { return first.Started.AsTask(); }
                    }

                    return ResilientInvoker.RunValueTaskOf(method, null, this, static s => new ValueTask<int>(s.CoreOf()), null, null, default, first: first).AsTask();
                }

                default:
                {
                    FirstAttempt<ValueTask> first = default;
                    if (first.TryAdmit(method))
                    {
                        try { first.Started = new ValueTask(Core()); } catch (Exception e) { first.Failure = e; }
                        if (FirstAttempt.Succeeded(ref first)) { return first.Started.AsTask(); }
                    }

                    return ResilientInvoker.RunValueTask(method, null, this, static s => new ValueTask(s.Core()), null, null, default, first: first).AsTask();
                }
            }
        }
    }
}
