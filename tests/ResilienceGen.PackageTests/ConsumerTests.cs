using System.Security.Cryptography;

namespace ResilienceGen.PackageTests;

/// <summary>
/// A user's projects with nothing but <c>PackageReference Include="ResilienceGen"</c>: they build, the generated
/// wrappers retry and break, the generated files land in obj/, and a wrong declaration stops the build.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerTests(PackedPackage package)
{
    [Fact]
    public async Task Consumer_restores_the_freshly_packed_nupkg_from_the_local_folder()
    {
        var consumer = await BuiltConsumer();

        var cachedHashFile = Path.Combine(
            package.RestoreCacheDirectory, "resiliencegen", package.Version.ToLowerInvariant(),
            $"resiliencegen.{package.Version.ToLowerInvariant()}.nupkg.sha512");
        Assert.True(File.Exists(cachedHashFile), $"ResilienceGen was not restored into the isolated cache:\n{consumer.Build}");

        var packedHash = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(package.NupkgPath)));
        Assert.Equal(packedHash, File.ReadAllText(cachedHashFile).Trim());
    }

    [Fact]
    public async Task Generated_wrapper_retries_until_the_body_succeeds()
    {
        var output = await ConsumerOutput();

        Assert.Contains("retry: stock=42 attempts=3", output);
    }

    [Fact]
    public async Task Generated_breaker_opens_after_consecutive_failures_and_then_rejects_without_calling_the_body()
    {
        var output = await ConsumerOutput();

        Assert.Contains("breaker: call 1 failed", output);
        Assert.Contains("breaker: call 2 failed", output);
        Assert.Contains("breaker: call 3 rejected by downstream", output);
        Assert.Contains("breaker: state=Open bodyCalls=2", output);
    }

    [Theory]
    [InlineData("App", "FlakyInventory", "GetStockCoreAsync")]
    [InlineData("Library", "DownstreamService", "SendCoreAsync")]
    public async Task Generated_files_are_written_under_obj(string project, string typeName, string coreMethod)
    {
        var consumer = await BuiltConsumer();
        var obj = Path.Combine(consumer.Directory, project, "obj");

        var generated = Directory.EnumerateFiles(obj, "*.g.cs", SearchOption.AllDirectories)
            .Where(file => file.Contains($"{Path.DirectorySeparatorChar}generated{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => Path.GetFileName(file).Contains(typeName, StringComparison.Ordinal))
            .ToList();

        var file = Assert.Single(generated);
        Assert.Contains(coreMethod, File.ReadAllText(file));
    }

    [Fact]
    public async Task Wrong_declaration_fails_the_build_with_an_RG_diagnostic_and_no_compiler_error_about_it()
    {
        var build = await package.BrokenConsumerBuild;

        Assert.False(build.Succeeded, $"the build should have failed:\n{build}");
        Assert.Contains("error RG0003", build.Output);
        Assert.DoesNotContain("error CS", build.Output);
    }

    private async Task<ConsumerRun> BuiltConsumer()
    {
        var consumer = await package.Consumer;
        Assert.True(consumer.Build.Succeeded, $"the consumer did not build:\n{consumer.Build}");
        return consumer;
    }

    private async Task<string> ConsumerOutput()
    {
        var consumer = await BuiltConsumer();
        var run = consumer.Run!;
        Assert.True(run.Succeeded, $"the consumer did not run to the end:\n{run}");
        return run.Output;
    }
}
