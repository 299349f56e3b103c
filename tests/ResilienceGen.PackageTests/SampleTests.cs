namespace ResilienceGen.PackageTests;

/// <summary>
/// The README's first Quick start command, run as written (plus: no compiler server left behind): the sample must tell its story, briefly, and exit 0.
/// (The solution's own tests only build the sample; nothing else runs it.)
/// </summary>
public sealed class SampleTests
{
    [Fact]
    public async Task Quick_start_sample_tells_the_retry_open_and_recovery_story_in_under_40_lines()
    {
        var run = await DotNetCli.RunAsync(
            RepositoryRoot.Path, TimeSpan.FromMinutes(10), "run", "--project", "sample/ResilienceGen.Sample", "--property:UseSharedCompilation=false");

        Assert.True(run.Succeeded, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries).Where(line => line.Length > 0).ToList();
        Assert.True(lines.Count < 40, $"{lines.Count} lines:\n{run.Output}");

        Assert.Contains(lines, line => line.Contains("retrying in 50 ms", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("changed from Closed to Open", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("REJECTED", StringComparison.Ordinal) && line.Contains("0 request(s)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("changed from Open to HalfOpen", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("changed from HalfOpen to Closed", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Shop.InventoryClient.Resilience.g.cs", StringComparison.Ordinal) && line.Contains("obj", StringComparison.Ordinal));
    }
}
