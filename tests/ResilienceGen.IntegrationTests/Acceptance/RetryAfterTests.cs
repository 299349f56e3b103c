using System.Diagnostics;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>
/// 503 with <c>Retry-After</c>, end to end: the service sends the header, the client carries it on
/// ServiceUnavailableException, the method's RetryAfter hook hands it to the runtime, and the retry waits that long
/// instead of its backoff, never longer than MaxDelayMs. The chosen delay is read exactly through the OnRetry hook;
/// the wall clock only has to agree within generous bounds.
/// </summary>
public sealed class RetryAfterTests(FaultyServiceFixture fixture) : ServiceTestBase(fixture)
{
    private static readonly TimeSpan Header = TimeSpan.FromSeconds(FaultyEndpoint.RetryAfterSeconds);

    [Fact]
    public async Task The_service_s_retry_after_replaces_a_30_second_backoff()
    {
        Service.Plan = FaultPlan.FailNext(1, FaultKind.Unavailable);

        var stopwatch = Stopwatch.StartNew();
        var item = await Client.GetItemHonoringRetryAfterAsync("r");
        stopwatch.Stop();

        Assert.Equal("item:r", item);
        Assert.Equal(2, Service.Counters.Requests);
        Assert.Equal(new[] { Header }, Client.RetryDelays);

        // The 1 s was really waited (timers may fire a little early), and the 30 s base delay was not.
        Assert.True(stopwatch.Elapsed >= Header - TimeSpan.FromMilliseconds(100), $"done after {stopwatch.Elapsed}: the Retry-After was not waited");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"done after {stopwatch.Elapsed}: the 30 s backoff was used");
    }

    [Fact]
    public async Task MaxDelayMs_below_the_header_caps_the_wait()
    {
        Service.Plan = FaultPlan.FailNext(1, FaultKind.Unavailable);

        var stopwatch = Stopwatch.StartNew();
        var item = await Client.GetItemWithCappedRetryAfterAsync("c");
        stopwatch.Stop();

        Assert.Equal("item:c", item);
        Assert.Equal(2, Service.Counters.Requests);
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(200) }, Client.RetryDelays);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(150), $"done after {stopwatch.Elapsed}: the capped delay was not waited");
    }
}
