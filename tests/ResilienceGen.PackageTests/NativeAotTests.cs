namespace ResilienceGen.PackageTests;

/// <summary>
/// Native AOT (issues 12, 18): a consumer of the packages, published for linux-x64 with every trim and AOT analyzer
/// on, gets no IL2xxx/IL3xxx warning, and its native executable retries, breaks, recovers, falls back, calls its hook,
/// applies a runtime override and an in-memory configuration, as the managed wrappers do, and runs a Generic Host
/// wired with AddResilienceGen and the breaker health check.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class NativeAotTests(PackedPackage package)
{
    [Fact]
    public async Task Publishing_the_consumer_with_native_aot_reports_no_trim_or_aot_warning()
    {
        var consumer = await package.NativeConsumer;

        Assert.True(consumer.TrimAndAotDiagnostics.Count == 0, "trim/AOT diagnostics:\n" + string.Join("\n", consumer.TrimAndAotDiagnostics));
        Assert.True(consumer.Publish.Succeeded, $"the native publish failed:\n{consumer.Publish}");
    }

    [Fact]
    public async Task Published_consumer_is_a_native_executable_with_no_managed_entry_assembly()
    {
        var consumer = await PublishedConsumer();

        Assert.True(File.Exists(Path.Combine(consumer.PublishDirectory, "Consumer.Aot")), $"no executable in {consumer.PublishDirectory}");
        Assert.False(File.Exists(Path.Combine(consumer.PublishDirectory, "Consumer.Aot.dll")), "a managed Consumer.Aot.dll was published: not a native build");
    }

    [Fact]
    public async Task Native_executable_prints_the_expected_story_line_by_line()
    {
        var consumer = await PublishedConsumer();
        var run = consumer.Run!;
        Assert.True(run.Succeeded, $"the native executable did not run to the end:\n{run}");

        string[] expected =
        [
            "retry: stock=42 attempts=3 onRetry=1,2",
            "exhausted: attempts=4 sameInstance=True",
            "override: stock=42 attempts=5",
            "breaker: call 1 failed",
            "breaker: Closed -> Open",
            "breaker: call 2 failed",
            "breaker: call 3 rejected by aot-downstream, retry after 30 s",
            "breaker: state=Open bodyCalls=2",
            "breaker: Open -> HalfOpen",
            "breaker: HalfOpen -> Closed",
            "breaker: probe sent 4, state=Closed",
            "fallback: cached ACME after HttpRequestException attempts=3",
            "configuration: cached ACME after HttpRequestException attempts=1",
            "host: started, container logger factory=True",
            "host: stock=7 attempts=2",
            "host: health Healthy (All 2 circuit breakers are closed.) aot-downstream=Closed,aot-host=Closed",
            "host: stopped, logger factory restored=True",
        ];
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<NativeConsumerRun> PublishedConsumer()
    {
        var consumer = await package.NativeConsumer;
        Assert.True(consumer.Publish.Succeeded, $"the native publish failed:\n{consumer.Publish}");
        return consumer;
    }
}
