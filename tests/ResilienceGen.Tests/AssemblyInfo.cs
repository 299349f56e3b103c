// The runtime under test is process-wide (breaker registry, Resilience.TimeProvider, LoggerFactory, the meter):
// tests that ran in parallel would see each other's clocks and breakers. One at a time, then.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
