namespace ResilienceGen.Generator
{
    /// <summary>
    /// Names given to the pipeline's steps with WithTrackingName, so tests can check each one is cached.
    /// </summary>
    internal static class TrackingNames
    {
        public const string RetryMethods = nameof(RetryMethods);
        public const string BreakerMethods = nameof(BreakerMethods);
        public const string FoundRetryMethods = nameof(FoundRetryMethods);
        public const string FoundBreakerMethods = nameof(FoundBreakerMethods);
        public const string TimeoutMethods = nameof(TimeoutMethods);
        public const string FoundTimeoutMethods = nameof(FoundTimeoutMethods);
        public const string TypeGroups = nameof(TypeGroups);
        public const string TypeFiles = nameof(TypeFiles);

        public static readonly string[] All =
        {
            RetryMethods, BreakerMethods, FoundRetryMethods, FoundBreakerMethods, TimeoutMethods, FoundTimeoutMethods, TypeGroups, TypeFiles,
        };
    }
}
