namespace ResilienceGen.IntegrationTests.Service;

/// <summary>How the test service misbehaves on a request that the current <see cref="FaultPlan"/> chose to fail.</summary>
public enum FaultKind
{
    /// <summary>500 Internal Server Error with a short text body.</summary>
    ServerError,

    /// <summary>503 Service Unavailable with a <c>Retry-After</c> header (seconds).</summary>
    Unavailable,

    /// <summary>200 headers announcing a longer body than is sent, then the connection is aborted.</summary>
    AbortMidResponse,

    /// <summary>No response at all until the client gives up (or the service stops).</summary>
    Stall,
}
