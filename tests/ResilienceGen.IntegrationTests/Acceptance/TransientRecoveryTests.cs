using System.Net;
using ResilienceGen.IntegrationTests.Service;
using ResilienceGen.IntegrationTests.Support;

namespace ResilienceGen.IntegrationTests.Acceptance;

/// <summary>Retries ride out transient 5xx faults, and no more requests go out than the policy allows.</summary>
public sealed class TransientRecoveryTests(FaultyServiceFixture fixture) : ServiceTestBase(fixture)
{
    [Fact]
    public async Task Fail_next_three_with_four_retries_succeeds_after_exactly_four_requests()
    {
        Service.Plan = FaultPlan.FailNext(3);

        var item = await Client.GetItemWithRetriesAsync("sku-1");

        Assert.Equal("item:sku-1", item);
        Assert.Equal(4, Service.Counters.Requests);
    }

    [Fact]
    public async Task More_faults_than_retries_surface_the_last_failure_after_exactly_five_requests()
    {
        Service.Plan = FaultPlan.FailNext(5);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Client.GetItemWithRetriesAsync("sku-2"));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal(5, Service.Counters.Requests);
    }
}
