namespace ResilienceGen.IntegrationTests.Service;

/// <summary>Starts one <see cref="FaultyService"/> for a test class and stops it afterwards.</summary>
public sealed class FaultyServiceFixture : IAsyncLifetime
{
    private FaultyService? _service;

    public FaultyService Service => _service ?? throw new InvalidOperationException("The service has not started.");

    public async Task InitializeAsync() => _service = await FaultyService.StartAsync();

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
